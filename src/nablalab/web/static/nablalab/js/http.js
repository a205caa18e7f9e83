// The one way the site's scripts POST to the server: the CSRF token in a header, JSON back,
// and the server's own message (its "detail") as the error a page shows. A FormData body is
// sent as a form; anything else as JSON.
(function () {
  "use strict";
  var nablalab = window.nablalab = window.nablalab || {};

  nablalab.post = function (url, body, csrfToken) {
    var form = body instanceof FormData;
    var headers = { "Accept": "application/json", "X-CSRFToken": csrfToken };
    if (!form) { headers["Content-Type"] = "application/json"; }
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: headers,
      body: form ? body : JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var error = new Error(data.detail || "The server could not answer (" + response.status + "). Try again.");
          error.status = response.status;
          throw error;
        }
        return data;
      });
    });
  };
})();
