import { Spinner } from '../components/Spinner.js';

/** Being built: replaced in the next commit. */
export default function OrderPage() {
  return <Spinner label="Coming up" />;
}
