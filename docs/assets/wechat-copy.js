/* 复制到公众号: copies a material's 公众号 article as rich text (text/html, with a plain-text copy), so that pasting it
   into WeChat's editor keeps its headings, colours and footnotes. The article is the file the link beside the
   button opens (fanzha/channels/wechat.py); only what is between its two markers is copied. */
(function () {
  "use strict";
  var START = "<!-- article -->", END = "<!-- /article -->";

  function articleOf(text) {
    var from = text.indexOf(START), to = text.indexOf(END);
    return from >= 0 && to > from ? text.slice(from + START.length, to) : text;
  }

  function plainOf(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    return doc.body.innerText || doc.body.textContent || "";
  }

  // Where the asynchronous Clipboard API is missing (older in-app browsers), the article is put in the page,
  // selected and copied with execCommand, which copies the selection as rich text too.
  function copyBySelection(html) {
    var holder = document.createElement("div");
    holder.contentEditable = "true";
    holder.style.position = "fixed";
    holder.style.left = "-10000px";
    holder.innerHTML = html;
    document.body.appendChild(holder);
    var range = document.createRange();
    range.selectNodeContents(holder);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var done = false;
    try { done = document.execCommand("copy"); } finally {
      selection.removeAllRanges();
      holder.remove();
    }
    if (!done) throw new Error("copy refused");
  }

  function copy(url) {
    var html = fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    }).then(articleOf);
    if (navigator.clipboard && window.ClipboardItem) {
      // The item takes promises: the write stays inside the click that asked for it while the file loads.
      var item = new ClipboardItem({
        "text/html": html.then(function (h) { return new Blob([h], { type: "text/html" }); }),
        "text/plain": html.then(function (h) { return new Blob([plainOf(h)], { type: "text/plain" }); })
      });
      return navigator.clipboard.write([item]).catch(function () { return html.then(copyBySelection); });
    }
    return html.then(copyBySelection);
  }

  // The button is made here: the page's HTML allowlist has no <button>, and without scripts it could not work anyway.
  function addButton(box) {
    var link = box.querySelector("a.fz-wechat-source");
    if (!link || box.querySelector(".fz-wechat-copy")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary fz-wechat-copy";
    button.textContent = "复制到公众号";
    var status = document.createElement("span");
    status.className = "fz-wechat-status";
    status.setAttribute("role", "status");
    box.insertBefore(button, box.firstChild);
    box.appendChild(status);
    button.addEventListener("click", function () {
      button.disabled = true;
      copy(link.href).then(function () {
        status.textContent = "已复制，请到公众号编辑器里粘贴";
        button.setAttribute("data-copied", "");
      }, function () {
        status.textContent = "没能复制：请打开文章，全选后复制";
      }).then(function () { button.disabled = false; });
    });
  }

  function addButtons() {
    Array.prototype.forEach.call(document.querySelectorAll(".fz-wechat"), addButton);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", addButtons);
  else addButtons();
})();
