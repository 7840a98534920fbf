/* fanzha: how the search worker cuts a Chinese query into words (put in place of Material's cutting).

   Material cuts a run of Chinese characters into the index's longest words, but gives up on the whole run when
   one character starts no word, so a question ("有人让我共享屏幕怎么办") is searched as one long word and finds
   nothing. Here the longest word is taken at each place, a character that starts none is passed over, the words
   of a question (我, 让, 怎么办 …) are left out, and colloquial terms are searched as the words the pages use. */
var FZ_SYNONYMS = /*FZ_SYNONYMS*/{};
var FZ_STOPWORDS = /*FZ_STOPWORDS*/{};

function fzSegment(text, terms, expand) {
  var words = new Set();
  var i = 0;
  while (i < text.length) {
    var taken = 0;
    for (var j = text.length; j > i && !taken; j--) {
      var piece = text.slice(i, j);
      if (expand !== false && Object.prototype.hasOwnProperty.call(FZ_SYNONYMS, piece)) {
        if (piece in terms) words.add(piece);
        FZ_SYNONYMS[piece].forEach(function (word) {
          fzSegment(word, terms, false).forEach(function (w) { words.add(w); });
        });
        taken = j - i;
      } else if (piece in terms) {
        if (!Object.prototype.hasOwnProperty.call(FZ_STOPWORDS, piece)) words.add(piece);
        taken = j - i;
      }
    }
    i += taken || 1;
  }
  return words.size ? words : new Set([text]);
}
