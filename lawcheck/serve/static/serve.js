// lawcheck serve: small helpers; every page works without them.
(function () {
  "use strict";

  // The waiting page: show the place in the queue and the progress, then load the result.
  function watch(url) {
    var place = document.getElementById("place");
    var running = document.getElementById("running");
    var bar = document.getElementById("progress");
    function fill(element, key, value) {
      element.textContent = element.getAttribute("data-words").replace(key, value);
    }
    function poll() {
      fetch(url, { credentials: "same-origin", cache: "no-store" })
        .then(function (answer) { return answer.ok ? answer.json() : null; })
        .then(function (state) {
          if (!state) { return; }
          if (state.state === "done" || state.state === "failed") { window.location.reload(); return; }
          if (state.place > 0) {
            fill(place, "{place}", state.place); place.hidden = false; running.hidden = true;
          } else {
            var percent = state.total ? Math.floor(100 * state.done / state.total) : 0;
            fill(running, "{percent}", percent); running.hidden = false; place.hidden = true;
            bar.max = state.total || 1; bar.value = state.done;
          }
          window.setTimeout(poll, 700);
        })
        .catch(function () { window.setTimeout(poll, 2000); });
    }
    poll();
  }

  // The report: a filter applies as soon as it is chosen.
  function autoFilter(form) {
    var selects = form.querySelectorAll("select");
    for (var i = 0; i < selects.length; i++) {
      selects[i].addEventListener("change", function () { form.submit(); });
    }
  }

  // The tour: the arrow keys and the page keys of a presenter's remote turn the steps.
  function turnPages() {
    document.addEventListener("keydown", function (event) {
      if (event.target && /INPUT|TEXTAREA|SELECT/.test(event.target.tagName)) { return; }
      var next = ["ArrowRight", "PageDown", " "].indexOf(event.key) >= 0;
      var back = ["ArrowLeft", "PageUp"].indexOf(event.key) >= 0;
      var link = document.getElementById(next ? "next" : back ? "back" : "");
      if (link && link.href) { event.preventDefault(); window.location.href = link.href; }
    });
  }

  // A file chosen: its name beside the button (the browser's own words are hidden).
  function showFileNames() {
    var names = document.querySelectorAll(".file-name");
    for (var i = 0; i < names.length; i++) {
      (function (name) {
        var input = document.getElementById(name.getAttribute("data-for"));
        input.addEventListener("change", function () {
          if (input.files && input.files.length) { name.textContent = input.files[0].name; }
        });
      }(names[i]));
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    showFileNames();
    var status = document.body.getAttribute("data-status");
    if (status) { watch(status); }
    var filters = document.getElementById("filters");
    if (filters) { autoFilter(filters); }
    if (document.body.classList.contains("tour")) { turnPages(); }
  });
}());
