// Autosave on an assessment area page, which is served as plain HTML (no React on the client):
// a question is posted to the page's autosave endpoint a moment after it changes, and its status
// line says when it was saved, or what to fix. Without JavaScript the save button sends
// everything. Texts come from the form's data-messages, in the page's language. The script
// listens on the document, so it also serves an area page the app drew after a link was followed
// inside it (the script runs once).
(() => {
  if (!("fetch" in window)) return;
  const FIELDS = ["niva", "grunn", "kommentar", "bevis"];
  const timers = new Map();
  /** Questions changed but not yet sent (their timer is running): fieldset → form. */
  const pending = new Map();

  const time = (iso) =>
    new Date(iso).toLocaleTimeString(document.documentElement.lang || "nb", {
      hour: "2-digit",
      minute: "2-digit",
    });

  // Messages this script showed are marked, so that the next answer can take them away again.
  function showErrors(fieldset, errors, messages) {
    for (const old of fieldset.querySelectorAll("[data-live-error]")) old.remove();
    for (const field of fieldset.querySelectorAll("[data-live-invalid]")) {
      field.removeAttribute("aria-invalid");
      field.removeAttribute("data-live-invalid");
      const described = (field.getAttribute("aria-describedby") || "")
        .split(" ")
        .filter((id) => id && id !== `${field.id}-error`);
      if (described.length > 0) field.setAttribute("aria-describedby", described.join(" "));
      else field.removeAttribute("aria-describedby");
    }
    for (const [name, key] of Object.entries(errors)) {
      const field = document.getElementById(`f-${name}`);
      if (!field || document.getElementById(`f-${name}-error`)) continue;
      const message = document.createElement("p");
      message.className = "ds-validation-message";
      message.id = `f-${name}-error`;
      message.dataset.liveError = "";
      message.textContent = messages[key] || key;
      // The levels are a group of radio buttons: the message goes inside the group.
      if (field.matches("input, textarea")) {
        field.after(message);
        field.setAttribute("aria-invalid", "true");
        field.dataset.liveInvalid = "";
        const described = field.getAttribute("aria-describedby");
        field.setAttribute("aria-describedby", [described, message.id].filter(Boolean).join(" "));
      } else field.append(message);
    }
  }

  async function save(form, fieldset, keepalive = false) {
    const messages = JSON.parse(form.dataset.messages || "{}");
    const id = fieldset.id;
    const all = new FormData(form);
    const body = new URLSearchParams({ sporsmal: id });
    for (const f of FIELDS) body.set(`${f}-${id}`, String(all.get(`${f}-${id}`) ?? ""));
    const status = fieldset.querySelector(".autosave-status");
    try {
      const response = await fetch(`${window.location.pathname}/autosave`, {
        method: "POST",
        body,
        keepalive,
      });
      const result = await response.json().catch(() => ({}));
      // Logged out meanwhile: the answer is kept, and saved once the person has logged in again.
      if (result.login) window.location.assign(result.login);
      else if (result.autosaved) {
        showErrors(fieldset, {}, messages);
        if (status) status.textContent = (messages.autosaved || "").replace("{time}", time(result.at));
      } else if (result.autosaveErrors) {
        showErrors(fieldset, result.autosaveErrors, messages);
        if (status) status.textContent = messages.notSaved || "";
      }
    } catch {
      // Offline for a moment: the save button still sends everything.
    }
  }

  const changed = (event) => {
    const form = event.target.closest?.("form#svar");
    const fieldset = event.target.closest?.("fieldset.question");
    if (!form || !fieldset || fieldset.disabled) return;
    clearTimeout(timers.get(fieldset));
    pending.set(fieldset, form);
    timers.set(
      fieldset,
      setTimeout(() => {
        pending.delete(fieldset);
        save(form, fieldset);
      }, 800),
    );
  };
  document.addEventListener("input", changed);
  document.addEventListener("change", changed);

  // Leaving the page (a link, Back, another tab, closing the phone's browser) sends what is still
  // waiting at once, in requests that outlive the page (keepalive), so a quick tap on "next area"
  // loses nothing.
  const flush = () => {
    for (const [fieldset, form] of pending) {
      clearTimeout(timers.get(fieldset));
      save(form, fieldset, true);
    }
    pending.clear();
  };
  document.addEventListener("click", (event) => {
    if (event.target.closest?.("a[href]")) flush();
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
  window.addEventListener("pagehide", flush);
})();
