(function () {
  var root = document.documentElement;
  function show(lang) {
    root.lang = lang;
    root.dir = lang === "ar" ? "rtl" : "ltr";
  }
  document.getElementById("lang-switch").addEventListener("click", function () {
    show(root.lang === "ar" ? "en" : "ar");
  });
  if (location.hash === "#ar") { show("ar"); }
})();
