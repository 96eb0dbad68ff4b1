import { Link } from 'wouter';
import { EmptyState } from '../components/EmptyState.js';

/** Any address the route table does not know. */
export function NotFound() {
  return (
    <EmptyState
      title="Page not found"
      action={
        <Link href="/" className="btn btn-primary">
          Back to the shop
        </Link>
      }
    >
      That address is not part of the shop.
    </EmptyState>
  );
}
