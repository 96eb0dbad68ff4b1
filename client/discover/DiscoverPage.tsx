import { Link } from 'wouter';

/** Placeholder until visual discovery lands: find products in a photo. */
export default function DiscoverPage() {
  return (
    <div className="state state-empty">
      <h2>Discover is coming soon</h2>
      <p>Find the products in a photo, right on your phone.</p>
      <Link href="/" className="btn btn-primary">
        Browse the shop
      </Link>
    </div>
  );
}
