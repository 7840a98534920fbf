"""fanzha：反诈宣传物料工坊。"""

__version__ = "0.1.0"
