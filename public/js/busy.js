// Long work (a print batch of thousands of letters) says so while it runs and stops a second click.
// The form works without this script.
(function () {
  var forms = document.querySelectorAll("form[data-busy]");
  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener("submit", function (event) {
      if (form.getAttribute("data-sending") === "yes") { event.preventDefault(); return; }
      form.setAttribute("data-sending", "yes");
      var status = form.querySelector("[data-busy-status]");
      if (status) { status.textContent = form.getAttribute("data-busy"); status.hidden = false; }
      var button = form.querySelector("button[type=submit]");
      if (button) button.setAttribute("aria-disabled", "true");
    });
  });
})();
