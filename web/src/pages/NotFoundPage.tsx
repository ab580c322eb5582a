import { Link } from '../router';

export function NotFoundPage({ message = 'There is nothing at this address.' }: { message?: string }) {
  return (
    <section>
      <h1>Not found</h1>
      <p>{message}</p>
      <p>
        <Link href="/">Back to your organizations</Link>
      </p>
    </section>
  );
}
