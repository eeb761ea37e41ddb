import { useEffect } from "react";
import { useRevalidator } from "react-router";

/**
 * Listens to a session's Server-Sent Events and reloads the page's data when something changes.
 * EventSource reconnects by itself; after a reconnect the page reloads its data too, so a phone
 * that lost its connection comes back to where the session is. Without JavaScript the page
 * offers a refresh button instead.
 */
export function LiveUpdates({ url }: { url: string }) {
  const { revalidate } = useRevalidator();
  useEffect(() => {
    const source = new EventSource(url);
    let pending: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        void revalidate();
      }, 150);
    };
    source.addEventListener("change", refresh);
    source.addEventListener("open", refresh);
    return () => {
      source.close();
      if (pending) clearTimeout(pending);
    };
  }, [url, revalidate]);
  return null;
}

/** A countdown that ticks in the browser; the server renders the starting value. */
const formatRemaining = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

export function Countdown({ endsAt, label }: { endsAt: string; label: string }) {
  const format = formatRemaining;
  useEffect(() => {
    const element = document.getElementById("countdown-value");
    if (!element) return;
    const tick = () => {
      element.textContent = formatRemaining(new Date(endsAt).getTime() - Date.now());
    };
    const timer = setInterval(tick, 1000);
    tick();
    return () => clearInterval(timer);
  }, [endsAt]);
  return (
    <p className="countdown" role="timer" aria-live="off">
      {label}{" "}
      <span id="countdown-value" suppressHydrationWarning>
        {format(new Date(endsAt).getTime() - Date.now())}
      </span>
    </p>
  );
}
