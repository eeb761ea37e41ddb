import { notFound } from "../lib/route.server.ts";

export function loader() {
  notFound();
}

export default function NotFound() {
  return null;
}
