// Keyboard shortcuts on staff lists: j / k move the focus through the case links, Enter opens one.
// Pages work without this script; it only adds the shortcuts.
(function () {
  var links = Array.prototype.slice.call(document.querySelectorAll("[data-keyboard-list] .case-link"));
  if (!links.length) return;
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (target && (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA")) return;
    var index = links.indexOf(document.activeElement);
    if (event.key === "j") { links[Math.min(index + 1, links.length - 1)].focus(); event.preventDefault(); }
    if (event.key === "k") { links[Math.max(index - 1, 0)].focus(); event.preventDefault(); }
  });
})();
