import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { loadCatalogue } from "./i18n/catalogues.ts";
import { defaultLocale, isLocale } from "./i18n/locales.ts";

// React Router's own entry, with one step first: the page's language (nynorsk or English) is loaded
// before hydration, so that the browser's first render shows the text the server sent.
const lang = document.documentElement.lang;
loadCatalogue(isLocale(lang) ? lang : defaultLocale).then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  });
});
