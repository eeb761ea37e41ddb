// Live updates for pages served without React on the client (the participant's phone).
// The server says "change" when the session moves on; the page then loads again. After a lost
// connection, the page also loads again, so a phone comes back to where the session is.
(() => {
  const script = document.currentScript;
  const url = script?.dataset.events;
  if (!url || !("EventSource" in window)) return;
  const source = new EventSource(url);
  let lost = false;
  source.addEventListener("change", () => window.location.reload());
  source.addEventListener("error", () => {
    lost = true;
  });
  source.addEventListener("open", () => {
    if (lost) window.location.reload();
  });
})();
