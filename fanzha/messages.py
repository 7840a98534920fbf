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


# --- merge/: rosters and merged letters ----------------------------------------------------------------------------

MERGE_NAME, MERGE_CLASS, MERGE_NUMBER = "姓名", "班级", "学号"  # a roster's columns, a 回执's blanks
MERGE_STUDENT_NAME = "学生姓名"  # the 回执's name blank as most letters call it
# Other column names schools use, and the column each stands for.
MERGE_HEADER_ALIASES = {MERGE_STUDENT_NAME: MERGE_NAME, "名字": MERGE_NAME, "班别": MERGE_CLASS,
                        "班级名称": MERGE_CLASS, "学籍号": MERGE_NUMBER, "编号": MERGE_NUMBER}
MERGE_NONE = "无"  # in a list of columns or letters that has none
MERGE_ROSTER = "名单"  # the roster named in a problem when no file is given
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

CHANNELS_SMS = "短信"  # the SMS channel, as slogans name it

# 广播稿 read out: digits of a number to dial (1 is 幺: 一 is misheard as 七 over a loudspeaker), a clock time, a +.
CHANNELS_SPOKEN_DIGITS = "零幺二三四五六七八九"
CHANNELS_SPOKEN_HOUR = "{hour}点整"
CHANNELS_SPOKEN_TIME = "{hour}点{minute}分"
CHANNELS_SPOKEN_PLUS = "加"
# Units after a number that make it a quantity (read in words), not a number to dial.
CHANNELS_SPOKEN_UNITS = "元万亿年月日号人件户名份次岁个%％余多条张天期块分秒小倍"
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
CLI_ROSTER_METAVAR = "名单"
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
