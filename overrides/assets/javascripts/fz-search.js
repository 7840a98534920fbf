/* Material searches when a key is released; a query pasted by long-press in WeChat, or typed through a phone's
   input method, may release no key. Each input and paste is passed on as a key release, so the search runs. */
(function () {
  "use strict";

  function searchNow(input) {
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("input.md-search__input")) searchNow(event.target);
  });
  document.addEventListener("paste", function (event) {
    var input = event.target;
    if (input.matches && input.matches("input.md-search__input")) setTimeout(function () { searchNow(input); }, 0);
  });
})();
