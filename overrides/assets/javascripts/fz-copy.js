/* One-tap copy: <button class="fz-copy" data-copy-target="ID"> copies the text of the element with that id.
   Inside it, elements marked data-copy-part are copied one a line (a list of slogans); otherwise its whole text.
   WeChat's browser on a plain-http intranet has no navigator.clipboard, so a hidden text area and execCommand
   stand in for it. */
(function () {
  "use strict";

  function textOf(target) {
    var parts = target.querySelectorAll("[data-copy-part]");
    if (parts.length) {
      return Array.prototype.map.call(parts, function (p) { return p.innerText.trim(); }).join("\n");
    }
    return innerTextOf(target).trim();
  }

  function innerTextOf(element) {
    // innerText keeps the line breaks between paragraphs that textContent loses. It leaves out list numbers, which
    // a letter pasted into WeChat needs: they are written in for the moment of reading, and buttons left out.
    var markers = [];
    Array.prototype.forEach.call(element.querySelectorAll("ol, ul"), function (list) {
      var number = list.tagName === "OL" ? (list.start || 1) : 0;
      Array.prototype.forEach.call(list.children, function (item) {
        if (item.tagName !== "LI") return;
        var marker = document.createElement("span");
        marker.textContent = number ? (number++) + ". " : "· ";
        item.insertBefore(marker, item.firstChild);
        markers.push(marker);
      });
    });
    var buttons = element.querySelectorAll(".fz-copy");
    Array.prototype.forEach.call(buttons, function (b) { b.hidden = true; });
    var text = element.innerText;
    Array.prototype.forEach.call(buttons, function (b) { b.hidden = false; });
    markers.forEach(function (marker) { marker.remove(); });
    return text;
  }

  function copyWithTextArea(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    area.setSelectionRange(0, text.length);
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    area.remove();
    return done;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; },
        function () { return copyWithTextArea(text); });
    }
    return Promise.resolve(copyWithTextArea(text));
  }

  function announce(button, ok) {
    if (!button.dataset.label) button.dataset.label = button.textContent;
    button.textContent = ok ? "已复制" : "请长按文字复制";
    button.classList.toggle("fz-copy--done", ok);
    clearTimeout(button._fzTimer);
    button._fzTimer = setTimeout(function () {
      button.textContent = button.dataset.label;
      button.classList.remove("fz-copy--done");
    }, 2000);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.fz-copy[data-copy-target]");
    if (!button) return;
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    if (!target) return;
    var text = textOf(target);
    copy(text).then(function (ok) { announce(button, ok); });
  });
})();
