// A tap, click, hover or link on a quote shows who said it in the panel at the bottom; Escape or × hides it.
(function () {
  "use strict";
  var info = document.getElementById("info");
  var active = null;
  function show(quote) {
    if (active) active.classList.remove("active");
    active = quote;
    quote.classList.add("active");
    info.className = "info " + quote.getAttribute("data-colour");
    info.querySelectorAll("[data-field]").forEach(function (field) {
      var value = quote.getAttribute("data-" + field.getAttribute("data-field"));
      field.textContent = value || "—";
      field.parentNode.hidden = !value && field.hasAttribute("data-optional");
    });
    info.hidden = false;
  }
  function hide() {
    if (active) active.classList.remove("active");
    active = null;
    info.hidden = true;
  }
  document.addEventListener("click", function (event) {
    var quote = event.target.closest("[data-quote]");
    if (quote) show(quote);
    else if (!info.contains(event.target) || event.target.closest(".close")) hide();
  });
  if (window.matchMedia("(hover: hover)").matches) {
    document.addEventListener("mouseover", function (event) {
      var quote = event.target.closest("[data-quote]");
      if (quote && quote !== active) show(quote);
    });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
    else if (event.key === "Enter" && document.activeElement.hasAttribute("data-quote")) show(document.activeElement);
  });
  function showLinked() { // a link to a quote (#d1-q2) opens its details
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.hasAttribute("data-quote")) show(target);
  }
  window.addEventListener("hashchange", showLinked);
  showLinked();
  document.querySelectorAll("[data-quote][title]").forEach(function (quote) {
    quote.removeAttribute("title"); // the panel replaces the browser's tooltip
  });
})();
