# 两条命令：make build 生成网站和全部 PDF；make test 运行测试。
.PHONY: build test serve check clean bench setup setup-test

build: setup
	.venv/bin/fanzha build

check: setup
	.venv/bin/fanzha check

serve: setup
	.venv/bin/fanzha serve

test: setup-test
	.venv/bin/python -m pytest

bench: setup-test
	.venv/bin/python scripts/bench.py

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

clean:
	rm -rf site site.* .cache
