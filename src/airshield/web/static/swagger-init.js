/* Swagger UI over the app's own schema; no validator badge, no requests beyond this server. */
"use strict";
window.addEventListener("load", () => {
  window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true, validatorUrl: null,
                               presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout",
                               defaultModelsExpandDepth: 1, tryItOutEnabled: false});
});
