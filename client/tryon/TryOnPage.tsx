import { Link, useParams } from 'wouter';

/** Placeholder until try-on lands: see eyewear, watches and hats on yourself with the camera. */
export default function TryOnPage() {
  const { productId } = useParams<{ productId: string }>();
  return (
    <div className="state state-empty">
      <h2>Try-on is coming soon</h2>
      <p>You will see this product on yourself with your camera.</p>
      <Link href={`/p/${productId}`} className="btn btn-primary">
        Back to the product
      </Link>
    </div>
  );
}
