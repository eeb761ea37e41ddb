// The whole page: what the loader read from the request, in a heading and a paragraph.
export function loader({ request }: { request: Request }) {
  return { cookie: (request.headers.get("cookie") ?? "").length };
}

export default function Page({ loaderData }: { loaderData: { cookie: number } }) {
  return (
    <main>
      <h1>Side</h1>
      <p>{loaderData.cookie}</p>
    </main>
  );
}
