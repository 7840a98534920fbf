"""The `fanzha` command as users run it: exit codes, Chinese messages, scaffolds."""

import subprocess

from helpers import FANZHA, REPO


def test_check_passes_on_bundled_materials():
    result = subprocess.run([*FANZHA, "--root", str(REPO), "check"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "检查通过" in result.stderr


def test_unknown_command_is_a_usage_error_in_chinese(project):
    result = project.run("bulid")
    assert result.returncode == 2
    assert "用法错误" in result.stderr and "Traceback" not in result.stderr


def test_missing_materials_folder_is_a_usage_error(tmp_path):
    result = subprocess.run([*FANZHA, "--root", str(tmp_path), "check"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "materials/" in result.stderr


def test_new_scaffolds_every_kind_and_the_result_passes_check(project):
    project.scam()
    for kind, material_id in [("scam", "dianhua-qianfei"), ("letter", "xin-jumin"), ("slogans", "ceshi-biaoyu"),
                              ("poster", "ceshi-haibao"), ("handout", "ceshi-chuandan"), ("form", "ceshi-biao"),
                              ("stickers", "ceshi-tiezhi"), ("booklet", "ceshi-shouce"), ("banner", "ceshi-hengfu"),
                              ("board", "ceshi-zhanban"), ("tent", "ceshi-taika")]:
        result = project.run("new", kind, material_id, "--title", "测试标题")
        assert result.returncode == 0, result.stderr
        assert (project.root / "materials" / kind / f"{material_id}.md").exists()
    result = project.run("check")
    assert result.returncode == 0, result.stderr


def test_new_refuses_bad_kind_bad_id_and_existing_id(project):
    project.scam()
    assert project.run("new", "leter", "abc").returncode == 2
    bad_id = project.run("new", "scam", "刷单")
    assert bad_id.returncode == 2 and "小写英文字母" in bad_id.stderr
    taken = project.run("new", "scam", "shuadan-fanli")
    assert taken.returncode == 2 and "已被" in taken.stderr


def test_check_writes_nothing(project):
    project.scam()
    before = sorted(p.relative_to(project.root) for p in project.root.rglob("*"))
    assert project.run("check").returncode == 0
    after = sorted(p.relative_to(project.root) for p in project.root.rglob("*"))
    assert before == after


def test_a_fault_of_fanzha_itself_is_a_sentence_and_a_log_not_a_traceback(project, monkeypatch):
    from fanzha import pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("模拟的程序错误")

    project.scam()
    monkeypatch.setattr(pipeline, "check", broken)
    result = project.run("check")
    assert result.returncode == 3
    assert "fanzha 内部错误（RuntimeError：模拟的程序错误）" in result.stderr and "Traceback" not in result.stderr
    log = project.root / ".cache" / "fanzha-error.log"
    assert str(log) in result.stderr.replace("\n", "")
    assert "Traceback" in log.read_text("utf-8") and "模拟的程序错误" in log.read_text("utf-8")
