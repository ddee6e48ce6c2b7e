// While a form with files is being sent, say so and stop a second click: large photos on a slow phone
// connection can take a minute. The form works without this script.
(function () {
  var forms = document.querySelectorAll("form[data-upload]");
  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener("submit", function (event) {
      if (form.getAttribute("data-sending") === "yes") { event.preventDefault(); return; }
      var input = form.querySelector("input[type=file]");
      if (!input || !input.files || input.files.length === 0) return;
      form.setAttribute("data-sending", "yes");
      var status = form.querySelector("[data-upload-status]");
      if (status) {
        var bytes = 0;
        Array.prototype.forEach.call(input.files, function (file) { bytes += file.size; });
        var megabytes = Math.max(1, Math.round(bytes / 1000000));
        status.textContent = "Sending " + input.files.length + (input.files.length === 1 ? " file" : " files") +
          " (about " + megabytes + " MB). This can take a minute on a slow connection; please keep this page open.";
        status.hidden = false;
      }
    });
  });
})();
