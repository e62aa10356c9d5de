// warta: the only script, and optional: the pages work without it.
// Toggles highlight layers on the article page.
document.addEventListener("DOMContentLoaded", function () {
  var text = document.getElementById("text");
  var layers = document.getElementById("layers");
  if (!text || !layers) return;
  layers.addEventListener("change", function (ev) {
    var box = ev.target;
    if (!box.dataset || !box.dataset.layer) return;
    text.classList.toggle("hide-" + box.dataset.layer, !box.checked);
  });
});
