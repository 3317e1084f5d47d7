/* Werkzorg: small behaviours, no inline script (the CSP forbids it). */
(function () {
  "use strict";

  /* Session: warn before the inactivity time-out, let the user stay, and go to a clear page after. */
  function setupSessionWarning() {
    var body = document.body;
    var timeout = parseInt(body.dataset.sessionTimeout || "0", 10);
    var warning = parseInt(body.dataset.sessionWarning || "0", 10);
    var dialog = document.getElementById("session-warning");
    if (!timeout || !dialog) { return; }
    var countdown = dialog.querySelector("[data-session-countdown]");
    var deadline, warnTimer, tick;

    function format(seconds) {
      var m = Math.floor(seconds / 60), s = seconds % 60;
      return m + ":" + (s < 10 ? "0" : "") + s;
    }
    function expire() {
      window.location.assign(body.dataset.expiredUrl + "&next=" + encodeURIComponent(window.location.pathname + window.location.search));
    }
    function showWarning() {
      if (!dialog.open) { dialog.showModal(); }
      tick = window.setInterval(function () {
        var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
        if (countdown) { countdown.textContent = format(left); }
        if (left <= 0) { window.clearInterval(tick); expire(); }
      }, 1000);
    }
    function restart() {
      window.clearTimeout(warnTimer);
      window.clearInterval(tick);
      deadline = Date.now() + timeout * 1000;
      warnTimer = window.setTimeout(showWarning, Math.max(0, (timeout - warning) * 1000));
    }
    dialog.querySelector("[data-session-keepalive]").addEventListener("click", function () {
      var csrf = JSON.parse(body.getAttribute("hx-headers") || "{}")["X-CSRFToken"];
      fetch(body.dataset.keepaliveUrl, { method: "POST", headers: { "X-CSRFToken": csrf, "HX-Request": "true" }, credentials: "same-origin" })
        .then(function (response) {
          var redirect = response.headers.get("HX-Redirect");
          if (redirect) { window.location.assign(redirect); return; }
          dialog.close();
          restart();
        })
        .catch(function () { dialog.close(); restart(); });
    });
    document.body.addEventListener("htmx:afterRequest", restart);
    restart();
  }

  /* Rights switches: the group switch turns everything under it on or off (seed 004, 3.3). */
  function setupGroupSwitches() {
    document.querySelectorAll("[data-group-toggle]").forEach(function (toggle) {
      var group = document.querySelectorAll("[data-group='" + toggle.dataset.groupToggle + "'] input[type=checkbox]:not(:disabled)");
      function sync() {
        var all = Array.prototype.every.call(group, function (c) { return c.checked; });
        toggle.checked = group.length > 0 && all;
      }
      toggle.addEventListener("change", function () {
        group.forEach(function (c) { c.checked = toggle.checked; });
      });
      group.forEach(function (c) { c.addEventListener("change", sync); });
      sync();
    });
  }

  /* A failed htmx request never fails silently. */
  function setupHtmxErrors() {
    document.body.addEventListener("htmx:responseError", function (event) {
      var region = document.querySelector(".werkzorg-messages") || document.getElementById("main");
      var note = document.createElement("div");
      note.className = "utrecht-alert utrecht-alert--error";
      note.setAttribute("role", "alert");
      note.textContent = document.documentElement.lang === "en"
        ? "Something went wrong (" + event.detail.xhr.status + "). Reload the page and try again."
        : "Er ging iets mis (" + event.detail.xhr.status + "). Laad de pagina opnieuw en probeer het nog eens.";
      region.prepend(note);
    });
  }

  /* Confirm before destructive actions (data-confirm on the form). */
  function setupConfirm() {
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); }
      });
    });
  }

  /* Pickers: a button with data-fill-target puts its value in that field (e.g. an employee from the register). */
  function setupPickers() {
    document.body.addEventListener("click", function (event) {
      var button = event.target.closest("[data-fill-target]");
      if (!button) { return; }
      var field = document.getElementById(button.dataset.fillTarget);
      if (!field) { return; }
      field.value = button.dataset.fillValue;
      field.focus();
      var list = button.closest("ul");
      if (list) { list.remove(); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupPickers();
    setupSessionWarning();
    setupGroupSwitches();
    setupHtmxErrors();
    setupConfirm();
  });
})();
