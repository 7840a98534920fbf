"""Everything fanzha says to its users, in Chinese, in one place: content problems (what is wrong, how to fix it),
the command line's help, progress and summaries, and the words the engine itself puts on pages and into files.

The code names a message and fills in its fields; it never writes Chinese wording itself (tests/test_messages.py
keeps it so). One place, so that wording is reviewed, kept consistent and corrected together.

    problems.add(path, line, messages.MODEL_DUPLICATE_ID.format(id=..., other=...))
    console.print(messages.CLI_BUILD_DONE.format(count=...))

A `Message` is a problem's two halves (`what`, `fix`); every other wording is a plain string, with str.format
fields where it has any. Names start with the package that says them (MODEL_, EDITION_, PDF_, SITE_, MERGE_,
CHANNELS_, CLI_, PIPELINE_, FILES_); a message two packages say alike is defined once and shared.

The layout templates' own words (回执, 印刷说明 …) stay in fanzha/templates/, where a designer edits the layouts.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """A content problem's wording: what is wrong, and how to fix it; {fields} filled in by `format`."""

    what: str
    fix: str = ""

    def format(self, **fields) -> Message:
        return Message(self.what.format(**fields), self.fix.format(**fields))


# --- shared: said by more than one package -----------------------------------------------------------------------


# --- model/: materials read and validated --------------------------------------------------------------------------


# --- edition/: expansion, lint, sanitizing, placeholders, script ---------------------------------------------------


# --- pdf/: print documents, layout problems, preflight, outputs ----------------------------------------------------

# Layout problems (pdf/issues.py): what the finished layout shows, said of a document as PDF_LAYOUT_ISSUE.
PDF_LAYOUT_ISSUE = "《{title}》（{edition} 版）：{issue}"
PDF_RECEIPT_MOVED = Message("回执在这一页放不下，已整体移到第 {page} 页单独打印（共 {pages} 页）",
                            "缩短正文，让回执和信在同一页；或保持现状，回执单独一页")
PDF_OVERFLOW = Message("{name}的文字太多，超出了版面，印出来会被裁掉", "删减这一栏的文字，或改用更大的尺寸")
PDF_SHORT_BLANK = Message("回执的填写栏最短只有 {mm:.0f} 毫米，手写填不下（至少要 {need} 毫米）",
                          "把 receipt 的 fields 里过长的字段名改短（四五个字为宜），或少列几项")
PDF_TOO_MANY_PAGES = Message("内容排了 {pages} 页，超过了 {sides} 面的版式", "删减文字，或改成双面/更大的版式")
PDF_LOW_DPI = Message("图片“{name}”（{px_w}×{px_h} 像素）印出来约 {w_mm:.0f}×{h_mm:.0f} mm，只有 {dpi:.0f} dpi，"
                      "低于印刷要求的 {need_dpi} dpi，会发虚；请换一张至少 {need_w}×{need_h} 像素的图片",
                      "用原图或相机拍的大图；从网页或微信里保存的图片通常太小")
PDF_REFUSED = Message("引用了项目之外的“{url}”，已拒绝读取",
                      "删掉它：印刷文件只能用项目里的字体、版式和 image: 指定的图片，不能引用网址或本机的其他文件")

# pdf/__init__.py: what only the print layouts show, before anything is written
PDF_NO_SITE_URL = Message("{edition} 版没有填写 site_url：{count} 份海报、宣传单和卡片（如《{title}》）不印二维码",
                          "在版本文件里写上网站地址，例如 site_url: https://fanzha.example.gov.cn")
PDF_MISSING_GLYPH = Message("字符{shown}（U+{code:04X}）印刷字体里没有，《{title}》无法印刷",
                            "换成常用字或常用符号；表情符号和生僻字请改写，不能靠别的字体代替")
PDF_INVISIBLE_CHARACTER = "（看不见）"  # a character PDF_MISSING_GLYPH cannot show
PDF_EXAMPLE_PHONES = "印有示例电话 {numbers}：印刷前请在版本文件里换成本单位真实电话"  # the manifest's note on a file

# pdf/documents.py, pdf/products.py, pdf/stickers.py: the materials' print documents
PDF_FORMAT_TRIFOLD = "三折页"  # handout `format:` values
PDF_FORMAT_CARD = "名片卡"
PDF_POSTER_SIZE_ROLL_UP = "易拉宝"  # poster `size:` values
PDF_POSTER_SIZE_BOARD = "展板"
PDF_SCAM_TITLE_SUFFIX = "类诈骗"  # left off a scam type's title on a poster
PDF_RETURN_BY = "请于{month}月{day}日前交回{to}"  # the 回执's deadline
PDF_SIDED = {1: "单面", 2: "双面"}
PDF_A4_LANDSCAPE = "A4 横向"
PDF_A3_LANDSCAPE = "A3 横向"
# A form's columns by what is written in them: a line of text (an address, a remark), or a number.
PDF_FORM_WIDE_COLUMNS = ("住址", "地址", "备注", "说明", "情况", "内容", "意见", "原因", "事项")
PDF_FORM_NARROW_COLUMNS = ("序号", "编号")
# The parts of a scam type a booklet and a board print, and the headings they give them.
PDF_SCAM_PARTS_PRINTED = ("作案手法", "识别要点", "防范提示")
PDF_SCAM_PART_HEADINGS = {"作案手法": "怎么骗", "识别要点": "识别要点", "防范提示": "怎么防",
                          "被骗后怎么办": "被骗了怎么办"}
PDF_TRIFOLD_PANELS = Message("三折页需要正好 6 个 `##` 小标题（6 栏），现在有 {count} 个{text_before}",
                             "按折叠顺序写 6 个 `## 小标题`：封面、内页三栏、内折页、封底"
                             "（顺序见 fanzha/templates/print/trifold.html.j2）")
PDF_TRIFOLD_TEXT_BEFORE = "，且第一个小标题前还有文字"  # PDF_TRIFOLD_PANELS's {text_before}
PDF_CARD_SIDES = Message("名片卡是{sided}的，需要 {sides} 个 `##` 小标题（每面一个），现在有 {count} 段",
                         "每一面写成一个 `## 小标题` 加几行文字")
PDF_BANNER_TEXT_OR_SLOGAN = Message("横幅要写一句话：`text:` 和 `slogan:` 正好写一个{both}",
                                    "写 text: 横幅上的字，或 slogan: 标语集编号/标语编号（如 hengfu/shuadan-xianjing）")
PDF_BANNER_BOTH_WRITTEN = "，现在两个都写了"  # PDF_BANNER_TEXT_OR_SLOGAN's {both}
PDF_BANNER_SLOGAN_NOT_ONE = Message("slogan: {slogan} 应指向一条标语",
                                    "写成 标语集编号/标语编号，例如 hengfu/shuadan-xianjing"
                                    "（标语编号写在标语后的 {{#编号}} 里）")
PDF_BANNER_LINE_BREAK = Message("横幅只印一行字，这里有换行", "把横幅的字写成一行")
PDF_BANNER_TEXT_TOO_SMALL = Message("“{line}”有 {ems:.1f} 个字宽，在 {size} 的横幅上每个字只有 {char_cm:.0f} cm 高，"
                                    "低于横幅高度的 {min_ratio:.0%}，远处看不清",
                                    "这个尺寸最多 {max_chars} 个字：缩短这句话，或改用更长的横幅（size:）")
PDF_BOOKLET_LETTER_UNKNOWN = Message("letters 里的“{id}”不是一封信的编号", "写 materials/letter/ 下某封信的 id")
PDF_BOOKLET_EMPTY = Message("手册没有内容：既没有 scam_types，正文也没有 `##` 小节",
                            "在头部写 scam_types: [诈骗类型编号, …]，或在正文写几个 `## 小标题` 加文字")
PDF_BOARD_SCAM_UNKNOWN = Message("scam_type “{scam_type}”不是诈骗类型的编号",
                                 "写 materials/scam/ 下某个诈骗类型的 id，或删掉这一行，在正文里用 `##` 写几条提示")
PDF_BOARD_EMPTY = Message("展板没有内容：没有 scam_type，正文也没有 `##` 小节",
                          "写 scam_type: 诈骗类型编号，或在正文写 2～4 个 `## 小标题` 加几条提示")
PDF_TENT_FACES = Message("台卡有两面，正文要写 1 或 2 个 `##` 小节（每面一个），现在有 {count} 段",
                         "每一面写成一个 `## 小标题` 加几行文字；只写一个时两面印同样的内容")
PDF_STICKER_DOES_NOT_FIT = Message("贴纸《{title}》（{edition} 版）：“{text}”在 {w:g}×{h:g} mm 的标签上缩到最小字号 "
                                   "{min_pt:g} 磅仍然放不下",
                                   "缩短这句话（或用空格、逗号分成两行），或换一个更大的标签模板")
PDF_STICKER_LABEL = "标签“{text}”"  # a label's name in an overflow problem
PDF_STICKER_CUT_GUIDES_TITLE = "（带裁切线）"  # after the sheet's title
PDF_STICKER_ALIGNMENT_TITLE = "（对位测试页）"

# Suggested paper (the manifest's and print centre's 建议纸张), by document
PDF_PAPER_OFFICE = "80克双胶纸（普通复印纸即可）"
PDF_PAPER_PLAIN = "普通复印纸"
PDF_PAPER_COATED = "157克铜版纸"
PDF_PAPER_HANDOUT_ONE_SIDED = "105克铜版纸（或80克双胶纸）"
PDF_PAPER_TRIFOLD = "157克铜版纸（双面印刷，两次对折）"
PDF_PAPER_CARD = "300克铜版纸，双面覆哑膜"
PDF_PAPER_KT_BOARD = "KT板（写真裱板）"
PDF_PAPER_OUTDOOR_CLOTH = "户外写真布"
PDF_PAPER_PP = "PP背胶写真纸"
PDF_PAPER_BANNER = "喷绘布（或丝绸布）"
PDF_PAPER_BOOKLET = "封面200克、内页105克铜版纸"
PDF_PAPER_BOOKLET_IMPOSED = "{sheet}，双面打印选“短边翻转”"
PDF_PAPER_TENT = "250克白卡纸（沿中线对折）"
PDF_PAPER_LABEL_ROLL = "卷筒不干胶（模切）"
PDF_PAPER_LABEL_SHEET = "A4 不干胶标签纸（{template}）"

# Size names (the manifest's size_name), by document
PDF_SIZE_TRIFOLD = "三折页（A4 横向）"
PDF_SIZE_CARD = "名片卡 {w:g}×{h:g} mm"
PDF_SIZE_HANDOUT = "{format} {sided}"
PDF_SIZE_CUSTOM = "自定义 {w:g}×{h:g} mm"
PDF_SIZE_BANNER_PDF = "横幅 {size}（PDF 按 1:10 缩小）"
PDF_SIZE_BANNER_TIFF = "横幅 {size}（1:1 四色 TIFF，{dpi} dpi）"
PDF_SIZE_BOOKLET_READER = "宣传手册 {format}（阅读版，单页）"
PDF_SIZE_BOOKLET_IMPOSED = "宣传手册 {format} 骑马钉拼版（{sheet}双面）{scaled}"
PDF_SIZE_BOOKLET_SCALED = "，按 {scale:.0%} 缩印"  # PDF_SIZE_BOOKLET_IMPOSED's {scaled}
PDF_SIZE_BOARD = "展板 {w:g}×{h:g} cm"
PDF_SIZE_TENT = "台卡 {format} 对折（每面 {w:g}×{h:g} mm）"

# pdf/preflight.py, pdf/products.py: findings on the finished file, listed in the manifest and on the site's cards
PDF_PREFLIGHT_PAGE_COUNT = "页数为 {pages}，应为 {expected}"
PDF_PREFLIGHT_TOO_MANY_PAGES = "页数为 {pages}，超过 {limit} 面"
PDF_PREFLIGHT_TRIM_BOX = "第{page}页 TrimBox {w:.2f}×{h:.2f} mm，应为 {want_w:g}×{want_h:g} mm"
PDF_PREFLIGHT_BLEED_BOX = "第{page}页 BleedBox {w:.2f}×{h:.2f} mm，应为 {want_w:g}×{want_h:g} mm"
PDF_PREFLIGHT_BLEED_UNEVEN = "第{page}页出血不是每边 {bleed:g} mm"
PDF_PREFLIGHT_FONT = "第{page}页字体 {name}：{issue}"
PDF_FONT_TYPE3 = "是 Type 3 字体"  # PDF_PREFLIGHT_FONT's {issue}
PDF_FONT_NOT_EMBEDDED = "没有嵌入"
PDF_FONT_NOT_SUBSET = "不是子集字体"
PDF_FONT_FALLBACK = "不是本项目的字体（系统后备字体），说明有字符不在印刷字体里"
PDF_PREFLIGHT_RGB_IMAGE = "第{page}页有 RGB 图片：应在排版前转成印刷四色（fanzha/pdf/cmyk.py）"
PDF_PREFLIGHT_RGB_COLOUR = ("第{page}页有 RGB 颜色：印刷时会被转成四色，黑字会变成四色叠印的黑"
                            "（版式 CSS 里请用 print.css 开头的四色颜色）")
PDF_PREFLIGHT_QR_TOO_SMALL = "第{page}页二维码只有 {size:.1f} mm 宽，这个尺寸的版面至少要 {want:g} mm，远处扫不出来"
PDF_PREFLIGHT_QR_QUIET_ZONE = "第{page}页二维码四周 {modules} 格（约 {mm:.1f} mm）以内有文字或颜色，可能扫不出来"
PDF_PREFLIGHT_QR_MISSING = "应印二维码，但在印刷文件里没有找到"
PDF_PREFLIGHT_TEXT_NEAR_TRIM = "第{page}页有 {count} 个字离裁切线不足 {safe:g} mm（如“{sample}”）"
PDF_EDGE_SIDES = ("上", "下", "左", "右")  # a page's top, bottom, left and right edge, as the findings name them
PDF_PREFLIGHT_INK_WITHOUT_BLEED = ("第{page}页的底色或图案印到了{side}边裁切线（{edge:g} mm 以内），但没有出血："
                                   "裁切稍有偏差就会露白边（要 {bleed:g} mm 出血，或让图案离开裁切线）")
PDF_PREFLIGHT_BLEED_NOT_FILLED = "第{page}页{side}边的底色或图案到裁切线就停了，没有铺满 {bleed:g} mm 出血"
PDF_PREFLIGHT_SHEET_EDGE = ("第{page}页{side}边离纸边 {margin:g} mm 以内有印刷内容："
                            "办公室打印机印不到纸边 4–5 mm，会缺一块")
PDF_PREFLIGHT_NOT_MULTIPLE_OF_FOUR = "手册共 {pages} 页，不是 4 的倍数，不能骑马钉装订"
PDF_PREFLIGHT_TIFF_MODE = "TIFF 的颜色是 {mode}，应为 CMYK"
PDF_PREFLIGHT_TIFF_SIZE = "TIFF 为 {w}×{h} 像素，{w_mm:g}×{h_mm:g} mm 在 {dpi} dpi 下应为 {want_w}×{want_h} 像素"
PDF_PREFLIGHT_TIFF_DPI = "TIFF 记录的分辨率是 {got:g} dpi，应为 {dpi} dpi"

# pdf/typeset.py, pdf/manifest.py, pdf/executor.py, pdf/layout/fonts.py: the engine's own words
PDF_WHOLE_LAYOUT = "版面"  # a fixed-size box without a data-name, in PDF_OVERFLOW
PDF_ZIP_NAME = "{edition}-全部印刷文件.zip"
PDF_UNKNOWN_EXECUTOR = "不认识的执行方式“{executor}”：可用 local、dask-local 或 dask://主机:端口"
PDF_TOO_FEW_JOBS = "--jobs 要求至少 1 个进程，“{jobs}”不行"
PDF_DASK_NOT_INSTALLED = "要用 Dask 执行，请先安装：.venv/bin/pip install 'dask[distributed]'"
PDF_DASK_UNREACHABLE = "连接不上 Dask 调度器 {address}：{error}"
PDF_PROGRESS_TYPESETTING = "排版 PDF"  # the progress bar's label
PDF_PROGRESS_REMAINING = "剩余"
PDF_FONT_FILE_MISSING = ("找不到字体文件 {file}（{name}）。"
                         "请安装 Debian 软件包 fonts-noto-cjk（运行 scripts/setup.sh），或把字体放到 {folder}")
PDF_HARFBUZZ_SUBSET_MISSING = ("缺少系统库 libharfbuzz-subset：没有它 WeasyPrint 生成每页 PDF 要慢约 65 倍。"
                               "请先运行 scripts/setup.sh（或 sudo apt-get install libharfbuzz-subset0）"
                               "再生成印刷文件。")
PDF_FONT_FACE_MISSING = "字体文件 {path} 里没有 {name}：请安装完整的 fonts-noto-cjk"
PDF_FONT_SUBSET_FAILED = "HarfBuzz 无法对字体 {file} 取子集：请重新安装 fonts-noto-cjk"
PDF_FONT_SPACE_NOT_SEPARATE = "字体 {file} 的空格字形不能单独设宽度：请重新安装 fonts-noto-cjk"


# --- merge/: rosters and merged letters ----------------------------------------------------------------------------


# --- channels/: 公众号, share images, SMS/LED, 广播稿 ----------------------------------------------------------------


# --- site/: pages, search, publishing ------------------------------------------------------------------------------


# --- pipeline, files, problems -------------------------------------------------------------------------------------

PROBLEMS_WARNING = "警告 {problem}"  # a warning as listed, before the errors


# --- cli: usage, help, progress, summaries ---------------------------------------------------------------------------
