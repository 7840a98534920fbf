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

# model/sources.py: reading files and their YAML
MODEL_UNREADABLE_FILE = Message("无法读取文件（{reason}）", "检查文件是否存在以及读取权限")
MODEL_FILE_TOO_LARGE = Message("文件太大（{size_kb} KB，上限 {limit_kb} KB）", "把内容拆成几个素材文件")
MODEL_UTF16_FILE = Message("文件是 UTF-16 编码（记事本里叫“Unicode”），不是 UTF-8",
                           "用记事本或 WPS 另存为“UTF-8”编码后再运行")
MODEL_BINARY_FILE = Message("这不是文本文件（含有二进制内容）",
                            "素材只能是用文本编辑器写的 .md 文件；图片等文件不要用 .md 结尾")
MODEL_GBK_FILE = Message("文件是 GBK/GB18030 编码，不是 UTF-8", MODEL_UTF16_FILE.fix)
MODEL_NOT_UTF8_FILE = Message("文件不是 UTF-8 编码的文本", "用文本编辑器另存为“UTF-8”编码")
MODEL_LINK_OUTSIDE = Message("符号链接指向项目之外，已拒绝读取", "把文件复制到项目里，不要用指向外部的链接")
MODEL_YAML_TAB = Message("YAML 行首用了制表符（Tab）", "把行首的 Tab 换成空格")
MODEL_YAML_FULLWIDTH_COLON = Message("键名后面用了全角冒号“：”", "把键名后的“：”改成半角冒号“:”并在后面加一个空格")
MODEL_YAML_ALIAS = Message("YAML 里用了 * 引用（别名）", "不要用 & 和 * 引用，把内容直接写出来")
MODEL_IMPOSSIBLE_DATE = Message("日期“{value}”不存在（{error}）", "写成真实的日期，例如 2026-11-01")
MODEL_IMPOSSIBLE_DATE_UNNAMED = Message("日期不存在（{error}）", MODEL_IMPOSSIBLE_DATE.fix)  # the value not found
MODEL_YAML_SYNTAX = Message("YAML 格式错误（{detail}）", "检查这一行的缩进、冒号后的空格和引号是否成对")
MODEL_YAML_DUPLICATE_KEY = Message("键 `{key}` 写了两次（第一次在第 {first_line} 行）", "删掉其中一处，只留一个")
MODEL_EMPTY_FILE = Message("文件是空的", "按 `fanzha new <类型> <编号>` 生成的模板填写内容，或删除这个文件")
MODEL_NO_FRONT_MATTER = Message("文件开头缺少 YAML 头部（第一行应为 ---）",
                                "在文件最前面加上以 --- 开始、以 --- 结束的头部，写明 kind、id 和 title")
MODEL_FRONT_MATTER_UNCLOSED = Message("YAML 头部没有结束（缺少第二个 ---）", "在头部最后一项之后单独一行写 ---")
MODEL_FRONT_MATTER_NOT_MAPPING = Message("YAML 头部应当是“键: 值”的列表", "按 `键: 值` 的格式逐行填写")

# model/catalog.py: schema errors in the authors' terms (pydantic's own words are English)
MODEL_FRONT_MATTER = "头部"  # the key named when an error is about the front matter as a whole
MODEL_VALUE_REFUSED = Message("`{key}`：{message}", "{fix}")  # a validator's own message, split at " — "
MODEL_KEY_MISSING = Message("缺少必填项 `{key}`", "在头部加上 `{name}: …`")
MODEL_KEY_UNKNOWN = Message("不认识的键 `{key}`", "检查拼写；可用的键见 `fanzha new` 生成的模板")
MODEL_VALUE_NOT_ALLOWED = Message("`{key}` 的值“{value}”不在可选范围内", "改成 {allowed} 之一")
MODEL_ID_MALFORMED = Message("`{key}` 的值“{value}”格式不对",
                             "编号只能用小写英文字母、数字和连字符，例如 shuadan-fanli")
MODEL_VALUE_EMPTY = Message("`{key}` 不能为空", "填写内容")
MODEL_VALUE_TOO_LONG = Message("`{key}` 太长（上限 {limit}）", "缩短内容")
MODEL_VALUE_WRONG_TYPE = Message("`{key}` 的类型不对（{value!r}）", "{hint}")
MODEL_TYPE_HINT_DEFAULT = "按说明修改这一项"
MODEL_VALUE_INVALID = Message("`{key}` 不合要求（{error}）", MODEL_TYPE_HINT_DEFAULT)
MODEL_TYPE_HINTS = {  # pydantic's error type → how to write the value
    "list_type": "写成列表，例如 [甲, 乙]",
    "string_type": "写成文字，必要时加引号",
    "int_type": "写成整数",
    "int_parsing": "写成整数",
    "bool_type": "写成 true 或 false",
    "bool_parsing": "写成 true 或 false",
    "date_type": "写成日期，例如 2026-11-01",
    "date_from_datetime_parsing": "写成日期，例如 2026-11-01",
    "dict_type": "写成“键: 值”的结构",
    "model_type": "写成“键: 值”的结构",
}

# model/catalog.py: materials, slogans, audiences, editions and what they refer to
MODEL_NO_MATERIALS_FOLDER = Message("找不到 materials/ 目录", "在项目根目录下运行，或用 --root 指定项目目录")
MODEL_DUPLICATE_ID = Message("编号 `{id}` 与 {other} 重复", "每个素材的 id 必须唯一，改一个新的编号")
MODEL_UNKNOWN_KIND = Message("未知的素材类型 kind: {kind!r}", "kind 应为 {kinds} 之一")
MODEL_KIND_FOLDER_MISMATCH = Message("kind 为 {kind}，但文件不在 materials/{kind}/ 下",
                                     "把文件移到 materials/{kind}/，或改正 kind")
MODEL_FILE_NAME_MISMATCH = Message("文件名 {name} 与编号 `{id}` 不一致", "把文件改名为 {id}.md，或改正 id")
MODEL_SLOGAN_DUPLICATE_ID = Message("标语编号 {{#{id}}} 在本文件中重复", "改成不同的编号")
MODEL_SLOGAN_NO_CHANNEL = Message("这条标语没有指定渠道",
                                  "在头部写 channels: [横幅, LED, 短信, 贴纸, 口诀] 中的若干项，"
                                  "或在 groups 里为所在小标题指定")
MODEL_SLOGAN_MALFORMED_ATTRIBUTES = Message("标语末尾 {{ }} 里的写法不认识",
                                            "写成 {{#编号}} 或 {{#编号 scam_types=诈骗类型编号,诈骗类型编号}}，"
                                            "例如 {{#fanshi-shuadan scam_types=shuadan-fanli}}")
MODEL_GROUP_WITHOUT_HEADING = Message("groups 里的“{name}”没有对应的小标题", "让它与正文中 ## 小标题的文字完全一致")
MODEL_NO_SLOGANS = Message("标语集里没有标语", "每条标语写成一行列表项，例如：- 全民反诈，你我同行")
MODEL_AUDIENCES_NOT_MAPPING = Message("受众表应当是“受众: 说明”的列表", "按 `老年人: 说明文字` 的格式逐行填写")
MODEL_EDITION_NOT_MAPPING = Message("版本文件应当是“键: 值”的结构", "参照 materials/editions/default.yml 填写")
MODEL_EDITION_FILE_NAME_MISMATCH = Message("文件名 {name} 与版本编号 `{id}` 不一致", "把文件改名为 {id}.yml，或改正 id")
MODEL_NO_DEFAULT_EDITION = Message("缺少本单位信息文件 materials/editions/default.yml",
                                   "复制仓库自带的 default.yml，改成本单位的名称、落款、电话和日期")
MODEL_EDITION_CYCLE = Message("版本继承成环：{chain}", "去掉其中一个 extends")
MODEL_EXTENDS_UNKNOWN = Message("extends 指向不存在的版本 `{parent}`",
                                "改成 materials/editions/ 下已有的版本：{editions}")
MODEL_IMAGE_OUTSIDE = Message("图片“{name}”在项目之外",
                              "把图片放在 {folder}/ 下，{key}: 写相对 {owner} 的路径，例如 images/photo.jpg")
MODEL_IMAGE_MISSING = Message("找不到图片“{name}”", MODEL_IMAGE_OUTSIDE.fix)
MODEL_IMAGE_TOO_LARGE = Message("图片“{name}”太大（超过 {megapixels} 百万像素）",
                                "缩小到印刷需要的大小：成品尺寸（毫米）÷ 25.4 × 300 像素")
MODEL_IMAGE_UNREADABLE = Message("“{name}”不是能读的 JPG 或 PNG 图片", "用看图软件打开它，另存为 JPG 或 PNG 后再引用")
MODEL_SELECT_UNKNOWN_MATERIAL = Message("select.{key} 里的素材 `{id}` 不存在", "写 materials/ 下某个素材的 id")
MODEL_UNKNOWN_AUDIENCE = Message("未知的受众“{audience}”", "改成 materials/audiences.yml 里的一项：{audiences}")
MODEL_UNKNOWN_SCAM_TYPE = Message("引用了不存在的诈骗类型 `{scam}`", "写 materials/scam/ 下某个文件的 id")
MODEL_UNKNOWN_SLOGAN = Message("引用了不存在的标语 `{ref}`",
                               "写成“标语集id/标语id”，标语id 在标语行末以 {{#id}} 标出；或只写标语集 id 引用整集")
MODEL_UNKNOWN_LABEL_TEMPLATE = Message("未知的标签纸模板 `{template}`", "改成 {templates} 之一，或直接写出自定义模板")
MODEL_SLOGAN_UNKNOWN_SCAM_TYPE = Message("标语引用了不存在的诈骗类型 `{scam}`", "改正 scam_types 或 groups 里的编号")

# model/schema.py: the names of kinds, channels and edition types, and the validators' messages
MODEL_KIND_NAMES = {
    "scam": "诈骗类型",
    "letter": "一封信",
    "slogans": "标语集",
    "poster": "海报",
    "stickers": "贴纸",
    "handout": "宣传单",
    "form": "表格",
    "booklet": "宣传手册",
    "banner": "横幅",
    "board": "展板",
    "tent": "台卡",
    "article": "公众号文章",
}
MODEL_CHANNEL_BANNER = "横幅"
MODEL_CHANNEL_SMS = "短信"
MODEL_CHANNEL_STICKER = "贴纸"
MODEL_CHANNELS = (MODEL_CHANNEL_BANNER, "LED", MODEL_CHANNEL_SMS, MODEL_CHANNEL_STICKER, "口诀")
MODEL_EDITION_TYPE_DEFAULT = "县"
MODEL_EDITION_TYPES = (MODEL_EDITION_TYPE_DEFAULT, "乡镇", "学校", "银行网点", "企业", "派出所", "社区")
MODEL_ARTICLE_SERIES_DEFAULT = "每日一案"
MODEL_UNKNOWN_SIZE = Message("尺寸“{value}”不认识",
                             "改成 {sizes} 之一，或写出自定义尺寸：换行后缩进写 width_mm: 宽 和 height_mm: 高（毫米）")
MODEL_SITE_URL_SCHEME = Message("网址必须以 https:// 或 http:// 开头", "写成完整网址，例如 https://fanzha.example.gov.cn")

# model/formats.py: the print formats named in Chinese
MODEL_SIZE_ROLL_UP = "易拉宝"
MODEL_SIZE_X_STAND = "X展架"
MODEL_SIZE_BOARD = "展板"
MODEL_SIZE_TRIFOLD = "三折页"
MODEL_SIZE_CARD = "名片卡"

# model/labels.py: a label-sheet template that cannot be (the validator's message, no fix of its own)
MODEL_LABELS_DO_NOT_FIT = "标签排不下：需要 {width:.1f}×{height:.1f} mm，纸张只有 {sheet_width}×{sheet_height} mm"
MODEL_LABEL_PITCH_TOO_SMALL = "间距 pitch 不能小于标签尺寸，否则标签会重叠"

# model/scaffold.py: `fanzha new`
MODEL_SCAFFOLD_UNKNOWN_KIND = "未知的素材类型“{kind}” — 可选：{kinds}"
MODEL_SCAFFOLD_KIND_CHOICE = "{kind}（{name}）"
MODEL_SCAFFOLD_ID_MALFORMED = "编号“{id}”不合格式 — 只用小写英文字母、数字和连字符，例如 dianhua-qianfei"
MODEL_SCAFFOLD_ID_TAKEN = "编号“{id}”已被 {path} 使用 — 换一个编号"
MODEL_SCAFFOLD_TITLE = "新的{kind_name}"


# --- edition/: expansion, lint, sanitizing, placeholders, script ---------------------------------------------------

# edition/expand.py: an edition's fields filled into the materials
EDITION_DATE = "{year}年{month}月{day}日"  # the edition's date as {{ edition.date }} gives it
EDITION_TEMPLATE_SYNTAX_ERROR = Message("模板语法错误（{error}）", "检查 {{{{ }}}} 和 {{% %}} 是否成对")
EDITION_UNDEFINED_VARIABLE = Message("未定义的变量（{name}）", "可用的变量有 unit.name、unit.region、unit.signature、"
                                     "edition.date、phones.police、phones.hotline")
EDITION_TEMPLATE_ERROR = Message("模板错误（{error}）", "检查 {{{{ }}}} 中的写法")

# edition/lint.py: the rules for finished text
EDITION_SCAM_SECTIONS = ("常见对象", "作案手法", "识别要点", "典型案例", "防范提示", "被骗后怎么办")
EDITION_HOTLINES = {"110": "报警电话", "96110": "反诈预警劝阻专线", "12381": "涉诈预警劝阻短信",
                    "12321": "诈骗短信电话举报"}  # the numbers any material may print, and what each is
# Surnames: 某某 after one of them keeps a case's person unnamed (张某某); anywhere else it is a blank to fill in.
EDITION_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩"
                    "冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
                    "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢"
                    "安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路"
                    "游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全"
                    "佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
# What a blank left to fill in looks like (a regular expression; its own braces doubled for str.format).
EDITION_PLACEHOLDER_PATTERN = (r"(?<![A-Za-z])[xX]{{2,}}(?![A-Za-z])|××|＿{{2,}}|_{{2,}}"
                               r"|某某(?:县|市|区|镇|乡|村|街道|社区|单位|学校|公司|银行|派出所|局)"
                               r"|(?<![{surnames}])某某"
                               r"|【[^】\n]{{0,10}}(?:名称|填写|待定|待补|待填)[^】\n]{{0,6}}】"
                               r"|[（(]\s*待[填补定确写][^）)\n]{{0,8}}[）)]|\b(?:TODO|TBD|FIXME)\b")
EDITION_UNIT_PLACEHOLDER_PATTERN = r"{placeholder}|某某|##"  # in the unit's details, 某某 is a blank wherever it is
EDITION_QUANTITY_UNITS = "元万亿年月日号人件户名份次岁个%余多条张天期"  # after digits that are a quantity, not a phone
EDITION_UNIT_PLACEHOLDER = Message("单位信息 unit.{key} 里还有占位符“{placeholder}”", "填上本单位的真实名称")
EDITION_POLICE_NUMBER_WRONG = Message("phones.police 的号码“{number}”不对", "报警电话只能是 110，删掉这一行即用默认值")
EDITION_HOTLINE_NUMBER_WRONG = Message("phones.hotline 的号码“{number}”不对",
                                       "反诈专线写 96110，或在 phones.local 里登记后再用本单位号码")
EDITION_TEXT_TEMPLATE_SYNTAX = Message("版本信息 {key} 里写了模板变量“{value}”",
                                       "版本文件里直接写本单位的文字，不能用 {{{{ }}}}")
EDITION_SLOGAN_TOO_LONG = Message("{channel}标语“{text}”有 {count} 字，超过上限 {limit} 字",
                                  "删减到 {limit} 字以内，或把它从“{channel}”渠道中去掉")
EDITION_QR_NOT_ALLOWED = Message("二维码网址“{url}”不在允许范围内",
                                 "二维码只能指向 https:// 开头、域名为 {domains} 的网址；"
                                 "其他域名请在版本文件的 allowed_domains 里登记")
EDITION_SCAM_SECTION_MISSING = Message("诈骗类型说明缺少“## {section}”一节", "按顺序写齐：{sections}")
EDITION_SCAM_SECTIONS_ORDER = Message("诈骗类型说明各节的顺序不对", "按顺序排列：{sections}")
EDITION_UNNAMED_CHARACTER = "无名称"  # a character Unicode gives no name
EDITION_INVISIBLE_CHARACTER = Message("这一行里有看不见的字符 U+{code:04X}（{name}），"
                                      "号码和网址里有它会搜不到、拨不通，方向控制符还能让文字倒着显示",
                                      "删掉这个字符：把这一行重新打一遍，或粘贴成纯文本（从网页、微信复制的文字常带这种字符）")
EDITION_PLACEHOLDER_LEFT = Message("还有未替换的占位符“{placeholder}”",
                                   "写成具体内容；本单位的名称、辖区、电话请用 {{{{ unit.name }}}} 等变量")
EDITION_NUMBER_12337 = Message("12337 不是反诈电话（它受理政法干警违纪违法举报）",
                               "删掉它；报警打 110，咨询打 96110，举报诈骗短信电话打 12321")
EDITION_PHONE_NOT_ALLOWED = Message("电话号码“{number}”既不是反诈专用号码，也不是本单位登记的号码",
                                    "只能写 110、96110、12381、12321，"
                                    "或在 materials/editions/*.yml 的 phones.local 里登记本单位号码")
EDITION_LINK_NOT_ALLOWED = Message("链接“{url}”的域名不在允许范围内",
                                   "只能链接 {domains}；其他域名请在版本文件的 allowed_domains 里登记")
EDITION_DOMAIN_NOT_ALLOWED = Message("网址“{domain}”的域名不在允许范围内",
                                     "只能写 {domains} 的网址；其他域名请在版本文件的 allowed_domains 里登记")
EDITION_IMAGE_IN_TEXT = Message("正文里的图片在网站和印刷品上都显示不出来",
                                "海报可在头部用 image: 指定一张 JPG/PNG 图片；其他素材请删掉这张图片")
EDITION_MARKUP_REFUSED = Message("{finding}",
                                 "删掉这段代码，素材只写 Markdown 文字；链接只能是 https:// 开头的网址或站内页面")

# edition/sanitize.py: what of a material's markup the allowlist refuses (the fix is EDITION_MARKUP_REFUSED's)
EDITION_TAG_REFUSED = "素材里不允许有 <{tag}> 标签"
EDITION_EVENT_ATTRIBUTE_REFUSED = "素材里不允许有 on…= 事件属性（{name}）"
EDITION_ATTRIBUTE_REFUSED = "素材里不允许 <{tag}> 带 {name} 属性"
EDITION_STYLE_REFUSED = "素材里不允许写样式“{style}”"
EDITION_HTTP_LINK_REFUSED = "链接“{url}”用的是 http://，不加密，可能被改成别的网页"
EDITION_SCHEME_REFUSED = "链接“{url}”用的是 {scheme}:，素材里不允许有 javascript:、data: 或 vbscript: 等链接"

# edition/placeholders.py: example phone numbers left in an edition
EDITION_MADE_UP_AREA_CODE = "区号 0123 并不存在"
EDITION_MADE_UP_RUN = "含有“{run}”"
EDITION_MADE_UP_REPEATED = "同一个数字连续重复"
EDITION_MADE_UP_NUMBER = Message("{edition} 版的电话“{number}”像是示例号码（{reason}），"
                                 "会印在这个版本的每一份海报、宣传单和信上",
                                 "印刷前改成本单位真实的电话号码")

# edition/stickers.py: what a sticker sheet's labels say
EDITION_STICKERS_NO_TEXT = Message("repeat 模式的贴纸需要 text（每张标签上的主文字）",
                                   "在头部写 text: 不听不信不转账；或改用 mode: fill / each 并写 slogans")
EDITION_STICKERS_NO_SLOGANS = Message("{mode} 模式的贴纸需要 slogans（标语编号列表）",
                                      "写 slogans: [tiezhi/tz-bu-ting, …]；或改用 mode: repeat 并写 text")

# edition/script.py: 繁體版
EDITION_READ_OUT_DIGITS = "零一二三四五六七八九幺"  # a hotline read out digit by digit: never converted
EDITION_READ_OUT_ONE = "幺"  # how 1 is read in a phone number; s2twp would write it 么
# Words the Taiwan phrase conversion (s2twp) rewrites in their computing sense, converted character by character
# instead: 交友对象 is not 交友物件, 诈骗类型 not 詐騙型別, 红章文件 not 紅章檔案, 感谢您的支持 not 感謝您的支援.
EDITION_CHARACTER_LEVEL_WORDS = ("对象", "类型", "项目", "程序", "支持", "发布", "查看", "文件")


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
PDF_SCAM_TITLE_SUFFIX = "类诈骗"  # left off a scam type's title on a poster
PDF_RETURN_BY = "请于{month}月{day}日前交回{to}"  # the 回执's deadline
PDF_SIDED = {1: "单面", 2: "双面"}
PDF_A4_LANDSCAPE = "A4 横向"
PDF_A3_LANDSCAPE = "A3 横向"
# A form's columns by what is written in them: a line of text (an address, a remark), or a number.
PDF_FORM_WIDE_COLUMNS = ("住址", "地址", "备注", "说明", "情况", "内容", "意见", "原因", "事项")
PDF_FORM_NARROW_COLUMNS = ("序号", "编号")
# The sections of a scam type (EDITION_SCAM_SECTIONS) a booklet and a board print, in this order, and the headings
# they give them.
PDF_SCAM_PART_HEADINGS = {"作案手法": "怎么骗", "识别要点": "识别要点", "防范提示": "怎么防"}
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

MERGE_NAME, MERGE_CLASS, MERGE_NUMBER = "姓名", "班级", "学号"  # a roster's columns, a 回执's blanks
MERGE_STUDENT_NAME = "学生姓名"  # the 回执's name blank as most letters call it
# Other column names schools use, and the column each stands for.
MERGE_HEADER_ALIASES = {MERGE_STUDENT_NAME: MERGE_NAME, "名字": MERGE_NAME, "班别": MERGE_CLASS,
                        "班级名称": MERGE_CLASS, "学籍号": MERGE_NUMBER, "编号": MERGE_NUMBER}
MERGE_NONE = "无"  # in a list of columns or letters that has none
MERGE_ROSTER = "名单"  # the roster: named in a problem when no file is given, and --roster's placeholder
MERGE_REGISTER_TITLE = "回执回收登记表"
MERGE_UNNAMED = "未命名"  # a file name from a class name or title with nothing left

MERGE_ROSTER_EMPTY = Message("名单是空的", "第一行写表头“姓名,班级”（学号可选），下面每行一名学生")
MERGE_ROSTER_MISSING_COLUMNS = Message("名单缺少“{missing}”列（现有列：{columns}）", "在第一行加上列名“姓名”和“班级”")
MERGE_INVISIBLE_CHARACTER = Message("{label}“{value}”里有看不见的字符（U+{code:04X}）",
                                    "删掉这一格重新输入（从网页或微信复制的文字常带这种字符）")
MERGE_ROW_WITHOUT_NAME = Message("这一行没有填姓名", "补上学生姓名，或删掉这一行")
MERGE_ROW_WITHOUT_CLASS = Message("{name} 没有填班级", "补上班级")
MERGE_DUPLICATE_ROW = Message("与第 {line} 行重复（{klass} {name}）", "删掉重复的一行；同班同名的学生请填上学号区分")
MERGE_ROSTER_FORMAT = Message("不支持的名单格式“{suffix}”", "在 Excel 或 WPS 里另存为 .xlsx 或 .csv")
MERGE_ROSTER_UNREADABLE = Message("无法读取名单（{reason}）", "检查文件路径")
MERGE_ROSTER_ENCODING = Message("名单既不是 UTF-8 也不是 GBK 编码", "在 Excel 里另存为“CSV UTF-8”")
MERGE_XLSX_UNREADABLE = Message("无法打开 Excel 文件（{error}）", "用 Excel 或 WPS 打开后另存为 .xlsx")
MERGE_FIRST_SHEET_HIDDEN = Message("名单的第一个工作表“{sheet}”是隐藏的",
                                   "在 Excel 里取消隐藏并核对它，或把名单放到第一个工作表")
MERGE_FIRST_SHEET_READ = Message("读取的是第一个工作表“{sheet}”（共 {count} 个工作表）",
                                 "名单不在这个工作表的话，把它移到最前面")
MERGE_NO_STUDENTS = Message("名单里没有学生", "每行写一名学生的姓名和班级")
MERGE_RECEIPT_LACKS_FIELDS = Message("回执里没有“{missing}”一栏，学生的名字和班级无法印到回执上",
                                     "在 receipt.fields 里加上 学生姓名 和 班级")
MERGE_MISSING_GLYPH = Message("{label}“{value}”里的“{char}”（U+{code:04X}）印刷字体里没有，印不出来",
                              "核对是否录入有误；确为生僻字的，把这名学生移出名单，回执上的姓名请手写")
MERGE_CLASS_FILE_NAME_CLASH = Message("班级“{klass}”和“{other}”（第 {line} 行）的文件名都是“{file}”，"
                                      "生成的信会互相覆盖",
                                      "把班级名写得不同，不要用 / \\ : * ? 等符号")
MERGE_OUTSIDE_FILE = Message("引用了项目之外的“{url}”，已拒绝读取", "删掉它：信里只能用项目里的字体和版式")
MERGE_LONG_LETTER = Message("《{title}》连回执每人排成了 {pages_each:.3g} 页（{klass}：{count} 名学生 {pages} 页），"
                            "打印用纸会成倍增加", "缩短正文，让信和回执排在一页上；改好后重新运行 fanzha merge")
MERGE_VALUE_OVERFILLS_BLANK = Message("“{value}”太长，印在回执的填写栏里超出了横线，压到了旁边一栏",
                                      "在名单里写短一些（如班级只写“七年级（1）班”），再运行 fanzha merge")
MERGE_OUT_IN_PUBLISHED = ("输出目录 {out} 在 {folder}/ 里，其中的文件会被发布到网站上，学生姓名不能放在那里"
                          " — 不写 --out（默认 {default}/），或另选 {folder}/ 以外的目录")
MERGE_NO_SUCH_EDITION = "没有名为“{edition}”的版本 — 可选的版本：{editions}"
MERGE_NO_SUCH_LETTER = "没有编号为“{letter}”的一封信 — 带回执的信有：{letters}"
MERGE_LETTER_WITHOUT_RECEIPT = "《{title}》没有回执，无法按名单印姓名 — 带回执的信有：{letters}"


# --- channels/: 公众号, share images, SMS/LED, 广播稿 ----------------------------------------------------------------

# 广播稿 read out: digits of a number to dial (1 is 幺: 一 is misheard as 七 over a loudspeaker), a clock time, a +.
CHANNELS_SPOKEN_DIGITS = "零幺二三四五六七八九"
CHANNELS_SPOKEN_HOUR = "{hour}点整"
CHANNELS_SPOKEN_TIME = "{hour}点{minute}分"
CHANNELS_SPOKEN_PLUS = "加"
# Units after a number that make it a quantity (read in words), not a number to dial; their Traditional forms too,
# for a 繁體版's scripts (萬, 個 …).
CHANNELS_SPOKEN_UNITS = "元万亿年月日号人件户名份次岁个%％余多条张天期块分秒小倍萬億號戶歲個餘條張塊"
CHANNELS_BROADCAST_TOO_LONG = Message("《{title}》的广播稿读出来约 {chars} 字，"
                                      "按每分钟 {per_minute} 字要 {seconds} 秒，不在 {shortest}–{longest} 秒之间",
                                      "删减到 {low}–{high} 字（读出来的字，数字按读法算）")
CHANNELS_BROADCAST_TOO_SHORT = Message(CHANNELS_BROADCAST_TOO_LONG.what,
                                       "补充到 {low}–{high} 字（读出来的字，数字按读法算）")
CHANNELS_BROADCAST_TEXT_ENTRY = "{title}（约 {seconds} 秒）\r\n{spoken}\r\n\r\n"  # a script in broadcast.txt
CHANNELS_BROADCAST_TEXT_TITLE = "广播稿（文字，数字已按读法写出）"
CHANNELS_BROADCAST_SHEET_TITLE = "{unit}反诈广播稿"
CHANNELS_BROADCAST_SHEET_SUBJECT = "村村响、小喇叭广播稿"
CHANNELS_BROADCAST_SHEET_FILE_TITLE = "广播稿（A4 打印）"
CHANNELS_BROADCAST_DRAFT_TITLE = "{title}广播稿试听（机器合成草稿，约 {seconds:.0f} 秒；正式播出请真人录音）"
CHANNELS_NO_SPEECH_ENGINE = Message("broadcast_audio: true 要用语音引擎 espeakng-loader，这台电脑上没有装",
                                    "运行 .venv/bin/pip install 'espeakng-loader>=0.2.4,<0.3'"
                                    "（或去掉 broadcast_audio 这一行）")

CHANNELS_SMS_FILE_TITLE = "短信文字（{count} 条）"
CHANNELS_LED_FILE_TITLE = "LED 屏文字（{count} 条）"
CHANNELS_SMS_TWO_SEGMENTS = Message("短信“{text}”加上签名共 {chars} 字（{edition} 版），要分 {segments} 条发送，"
                                    "费用翻倍，有的手机会拆开显示",
                                    "签名{signature}之外的文字删减到 {room} 字以内，一条短信就能发完")

CHANNELS_ARTICLE_TITLE = "{title}（公众号文章）"
CHANNELS_ARTICLE_PAGE_LINK = "网页版（含可下载的印刷文件）"  # the footnote linking an article to its page
CHANNELS_ARTICLE_TOO_LONG = Message("《{title}》的公众号文章有 {chars} 字符（含排版），"
                                    "超过公众号编辑器的 {limit} 字符上限，粘贴后会被截断", "删减正文，或把它拆成两篇")

CHANNELS_SHARE_IMAGE_TITLE = "{title}（长图）"
# A scam type's share image shows these sections of its text (how to tell, what to do).
CHANNELS_SHARE_IMAGE_SECTIONS = ("识别要点", "防范提示")
CHANNELS_SHARE_IMAGE_CUT = Message("《{title}》的长图放不下全文，只保留了开头", "删减正文，或只把要点写进长图")
CHANNELS_SHARE_IMAGE_CUT_NOTE = "长图放不下全文，只保留了开头"  # the share image's warning in manifest.json
CHANNELS_MISSING_GLYPH = Message("字符“{char}”（U+{code:04X}）印刷字体里没有，《{title}》的长图或广播稿无法生成",
                                 "换成常用字或常用符号")
CHANNELS_NO_SITE_URL = Message("没有填写 site_url（{edition} 版）："
                               "长图上没有通往网页的二维码，公众号文章里也没有原文链接",
                               "填上本单位网站的网址，例如 site_url: https://fanzha.example.gov.cn")


# --- site/: pages, search, publishing ------------------------------------------------------------------------------

SITE_PROJECT_ITSELF = "项目目录本身"  # the project folder, where an output folder is one of the project's
SITE_OUTPUT_IS_PROJECT_FOLDER = ("{option} {target} 就是{folder}，生成时会替换掉里面的文件"
                                 " — 换一个单独的新目录，例如 {site}")
SITE_OUTPUT_HOLDS_PROJECT_FOLDER = ("{option} {target} 包含了{folder}，生成时会替换掉里面的文件"
                                    " — 换一个单独的新目录，例如 {site}")
SITE_OUTPUT_HOLDS_OTHER_FILES = ("{option} {target} 里已有别的文件，又不是 fanzha 生成的网站，生成时会被整个替换掉"
                                 " — 换一个空目录或不存在的目录，或先把里面的文件移走")
SITE_MKDOCS_FAILED = Message("网站没有生成（MkDocs：{error}）",
                             "检查 mkdocs.yml 的缩进、冒号和括号，以及 docs/ 下的页面；改坏了可以用 git 恢复")

# Navigation and section titles.
SITE_SLOGANS_SECTION = "标语库"
SITE_ARTICLE_SECTION = "每日一案"
SITE_NAV_ALL = "全部"
SITE_NAV_BY_TYPE = "按类型"
SITE_NAV_BY_AUDIENCE = "按人群"
SITE_NAV_PRINT = "印刷中心"
SITE_NAV_CHANNELS = "数字渠道"
SITE_NAV_HOME = "首页"

SITE_SYNONYM_LINE_UNREADABLE = Message("这一行看不懂：“{line}”",
                                       "写成“口语说法 = 页面上的词 页面上的词”，例如：家长信 = 致学生家长的一封信 家长")
# Words of a question that say nothing about what is asked: left out of a search query (they match most pages).
SITE_SEARCH_STOPWORDS = tuple("""
我 我的 我们 你 您 你们 他 她 他们 有人 有 人 让 叫 要 要求 想 说 在 是 的 地 得 了 过 着 吗 呢 吧 啊 呀 么
怎么 怎么办 怎样 如何 什么 为什么 哪些 哪里 哪个 是不是 会不会 能不能 可不可以 可以 可能 应该 需要 一个 这个 那个 这种
这样 那样 还 就 都 也 和 与 跟 给 被 把 对 从 向 到 后 时 时候 里 上 下 没 一下 真的 该 请问 帮 个 又 才 很 太 却 但
但是 如果 突然 一直 刚才 今天 昨天 自己 别人 对方 东西 事 情况 问题""".split())

# site/traditional.py: the 繁體版 folders' nav titles
SITE_TRADITIONAL_NAV = "繁體版"
SITE_TRADITIONAL_REGIONS = {"tw": "臺灣", "hk": "香港"}  # in a second 繁體版's nav title: 繁體版（香港）

# site/mkdocs_plugin.py
SITE_NOT_BUILT = "素材有问题，网站没有生成：\n{problems}"
SITE_PROBLEMS_NAV = "素材有问题"  # the one page `fanzha serve` shows while the materials have errors
SITE_SEARCH_SCRIPT_UNEXPECTED = ("这个版本的 Material for MkDocs 搜索脚本与 fanzha 预期的不同，"
                                 "未能修正中文搜索分词；整词搜索（如“安全账户”）可能找不准。"
                                 "请用 pyproject.toml 里写明的 mkdocs-material 版本。")


# --- pipeline, files, problems -------------------------------------------------------------------------------------

PROBLEMS_WARNING = "警告 {problem}"  # a warning as listed, before the errors


# --- cli: usage, help, progress, summaries ---------------------------------------------------------------------------

# argparse's own (English) usage errors, as regular expressions and their Chinese replacements.
CLI_ARGPARSE_ZH = (
    (r"the following arguments are required: (.+)", r"缺少参数：\1"),
    (r"argument (\S+): invalid choice: '?([^' ]+)'? \(choose from (.+)\)", r"参数 \1 的值“\2”无效，可选：\3"),
    (r"unrecognized arguments: (.+)", r"不认识的参数：\1"),
    (r"argument (\S+): expected one argument", r"参数 \1 后面要跟一个值"),
    (r"argument (\S+): invalid int value: '?([^']+)'?", r"参数 \1 要求整数，“\2”不是整数"),
)
CLI_PARSER_ERROR = "用法错误：{error}\n运行 `{prog} --help` 查看用法。"
CLI_USAGE_ERROR = "用法错误：{error}"

# --help
CLI_DESCRIPTION = "反诈宣传物料工坊：从 materials/ 生成网站和可直接印刷的 PDF。"
CLI_COMMAND_METAVAR = "命令"
CLI_HELP_HELP = "显示帮助"
CLI_VERSION_HELP = "显示版本"
CLI_ROOT_HELP = "项目目录（默认当前目录）"
CLI_BUILD_HELP = "生成网站和全部印刷文件"
CLI_SITE_DIR_HELP = "网站输出目录（默认 site/）"
CLI_EDITION_METAVAR = "版本"
CLI_BUILD_EDITION_HELP = ("只生成这个版本的印刷文件（materials/editions/ 下的文件名，不带 .yml）；"
                          "网站内容仍是默认版本")
CLI_CHECK_HELP = "只检查素材，不写任何文件"
CLI_SERVE_HELP = "本地预览网站，素材改动后自动刷新"
CLI_ADDR_HELP = "监听地址（默认 127.0.0.1:8000）"
CLI_MERGE_HELP = "按班级名单给每个学生印一封信（回执上印好班级和姓名），另附回执回收登记表"
CLI_LETTER_METAVAR = "信的编号"
CLI_LETTER_HELP = "带回执的一封信的编号，例如 parents"
CLI_ROSTER_HELP = "班级名单 .xlsx 或 .csv，列：姓名、班级（学号可选）"
CLI_MERGE_EDITION_HELP = "用哪个版本的落款和电话（默认 default）"
CLI_OUT_METAVAR = "目录"
CLI_OUT_HELP = "输出目录（默认 private/merge/<信的编号>/<版本>/，不会进入网站）"
CLI_NEW_HELP = "按模板新建一个素材"
CLI_KIND_HELP = "素材类型：scam、letter、slogans、poster、stickers、handout、form、booklet、banner、board、tent"
CLI_ID_HELP = "编号：小写英文字母、数字和连字符，例如 dianhua-qianfei"
CLI_TITLE_HELP = "标题"
CLI_JOBS_HELP = "同时排版 PDF 的进程数（默认用上全部 CPU 核）"
CLI_EXECUTOR_METAVAR = "方式"
CLI_EXECUTOR_HELP = ("在哪里排版 PDF：local（本机，默认）、dask-local（本机 Dask 集群）、"
                     "dask://主机:端口（已运行的 Dask 调度器，工作节点要装好 fanzha）")

# check, build
CLI_PROBLEM_COUNT = "共 {count} 个问题，请按提示修改后再运行。"
CLI_CHECK_PASSED = "检查通过：{materials} 个素材，{editions} 个版本。"
CLI_CHECK_PASSED_WITH_REMINDERS = ("检查通过：{materials} 个素材，{editions} 个版本；"
                                   "有 {reminders} 条提醒（见上），印刷前请处理。")
CLI_NOTHING_WRITTEN = "没有生成任何文件，之前生成的网站和 PDF 保持不变。"
CLI_OUTPUTS_UNCHANGED = "之前生成的网站和 PDF 保持不变。"
CLI_BUILDING = "正在生成网站和印刷文件…"
CLI_BUILD_BUSY = "这个项目的另一次 fanzha build 正在运行 — 等它结束后再运行"
CLI_BUILD_DONE = "完成：网站在 {site}，印刷文件在 {print_dir}。"
CLI_BUILD_DONE_SITE_UNCHANGED = "完成：网站在 {site}（网站的内容没有变化，沿用上一次生成的），印刷文件在 {print_dir}。"
CLI_UNKNOWN_EDITION = ("用法错误：没有名为“{edition}”的版本 — 可选的版本：{editions}"
                       "（materials/editions/ 下的文件名，不带 .yml）")

# serve
CLI_BAD_ADDR = "用法错误：--addr 要写成 主机:端口，例如 127.0.0.1:8000，“{addr}”不是"
CLI_PORT_TAKEN = ("用法错误：无法在 {addr} 上启动预览（{reason}），这个端口可能已被另一个程序占用"
                  " — 用 --addr 换一个端口，例如 --addr {host}:{port}")

# merge
CLI_NO_ROSTER = "用法错误：找不到名单文件 {roster} — 检查路径，名单是 .xlsx 或 .csv 文件"
CLI_ROSTER_PUBLISHED = "用法错误：名单文件放在了会被发布到网站的目录里 — 把它移到 private/ 下（{reason}）"
CLI_MERGE_STARTING = "正在生成每个学生的信"
CLI_MERGE_CLASS_DONE = "已完成 {klass}"
CLI_MERGE_PROGRESS_UNIT = "名学生"  # after the progress bar's count
CLI_NO_PDF = "无法生成 PDF：{error}"
CLI_MERGE_CANNOT_WRITE = ("无法写入 {path}（{reason}） — 检查输出目录的权限和剩余空间，"
                          "或用 --out 换一个目录")
CLI_MERGE_PROBLEM_COUNT = "共 {count} 个问题，没有生成任何信，请按提示修改后再运行。"
CLI_MERGE_DONE = ("完成：{classes} 个班，每班一份信（PDF）和一份回执回收登记表，在 {folder}。"
                  "这些文件含学生姓名，只在本单位内部打印，不要上传到网站。")

# new
CLI_NEW_DONE = "已新建 {path}，打开它填写内容，然后运行 `fanzha check`。"

# any command
CLI_NO_MATERIALS = "用法错误：{root} 下没有 materials/ 目录 — 在项目目录里运行，或用 --root 指定项目目录"
CLI_INTERRUPTED = "已中断。之前生成的网站和 PDF 保持不变，下次运行会清理中断留下的临时文件。"
CLI_INTERNAL_ERROR = ("fanzha 内部错误（{error}：{detail}）— 这不是素材的问题，"
                      "之前生成的网站和 PDF 保持不变；请把 {log} 交给维护人员")
CLI_SOME_FILE = "文件"  # a system error that names no file
CLI_DISK_FULL = "磁盘空间不足，无法写入 {path} — 清理磁盘（例如删掉 .cache/ 和不用的文件）后再运行"
CLI_NO_PERMISSION = ("没有权限修改 {path}（{reason}） — 检查它和所在目录的权限；用 chattr +i 锁定过的，"
                     "先 chattr -i 解除")
CLI_NOT_A_FOLDER = "{path} 应当是一个目录，现在却是文件 — 把它删掉或改名后再运行（.cache/ 可以随时删除）"
CLI_CANNOT_READ_WRITE = "无法读写 {path}（{reason}） — 检查磁盘和文件权限后再运行"
