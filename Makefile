# mosaic -- one plain Makefile, no recursion.
#
#   make                 build build/libmosaic.a, build/mosaic and
#                        build/mosaic-synth (the corpus generator)
#   make check           -Werror build + every test, then again under
#                        AddressSanitizer + UndefinedBehaviorSanitizer,
#                        then every fuzz target (make fuzz)
#   make install         PREFIX=/usr/local DESTDIR=
#   make deps            install the Debian packages that are missing
#   make demo            deps, build, import + scan the bundled sample
#   make bench           the benchmarks under bench/
#   make fuzz            every libFuzzer target, FUZZ_SECONDS (60) each
#   make headertest lint

PREFIX  ?= /usr/local
DESTDIR ?=
B       := build
A       := build/asan

PKGS    := sqlite3 libpcre2-8 gsl libarchive libxml-2.0 jansson libcbor \
           libutf8proc libisal
CC      ?= cc
WARN    := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wcast-qual -Wvla
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 $(WARN) -fvisibility=hidden \
           -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
           -DMOSAIC_SHARE_DIR='"$(PREFIX)/share/mosaic"' \
           -Iinclude -Iengine $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# Linked from their static archives where Debian ships one: every shared
# library costs each run its loading and relocation, and `mosaic check`
# runs before every post (measured: bench/bench_check.sh).  libarchive
# and libxml2 stay shared: their archives drag in ICU and libstdc++.
STATIC  := sqlite3 pcre2-8 gsl gslcblas jansson utf8proc stemmer isal
static_lib = $(or $(abspath $(filter /%,$(shell $(CC) -print-file-name=lib$(1).a))),-l$(1))
LDLIBS  := $(foreach l,$(STATIC),$(call static_lib,$(l))) \
           $(shell pkg-config --libs libarchive libxml-2.0 libcbor \
             2>/dev/null) -lm -lpthread -ldl
TESTLIBS:= $(shell pkg-config --libs cmocka 2>/dev/null)
SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all \
           -fno-omit-frame-pointer
# The extraction path (engine/extract*.c) runs over every post: -O3 there
# is 3% fewer instructions and 4-7% more MB/s (bench/bench_extract.sh).
HOT     ?= -O3
ifeq ($(STRICT),1)
CFLAGS  += -Werror
endif

ENGINE_SRC := $(sort $(wildcard engine/*.c))
TOOL_SRC   := $(sort $(wildcard tools/*.c))
SYNTH_SRC  := $(sort $(wildcard tools/synth/*.c))
MKIMAGE_SRC:= $(sort $(wildcard tools/mkimage/*.c))
UNIT_SRC   := $(sort $(wildcard tests/unit/test_*.c))
UNIT_NAMES := $(notdir $(UNIT_SRC:.c=))
# Reference data: every folder of corpus/ that the engine reads at run
# time, copied to <build>/share/mosaic (found beside the program) and
# installed to PREFIX/share/mosaic, with reference.img: the same data
# compiled by mosaic-mkimage for a fast start (engine/refimage.h).
DATA_DIRS  := $(wildcard corpus/lexicon corpus/refdata corpus/synth)
DATA_SRC   := $(if $(DATA_DIRS),$(shell find $(DATA_DIRS) -type f))

.PHONY: all check test unit e2e install uninstall deps demo bench \
        headertest lint clean fuzz fuzz-check
all: $(B)/libmosaic.a $(B)/mosaic $(B)/mosaic-synth $(B)/share/mosaic/.stamp \
     $(B)/share/mosaic/reference.img
.SECONDARY:

# $(call variant,DIR,EXTRA_CFLAGS): library, program and tests in DIR.
define variant
$(1)/obj/%.o: %.c
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) $(2) -MMD -MP -c $$< -o $$@
$(1)/libmosaic.a: $$(ENGINE_SRC:%.c=$(1)/obj/%.o)
	$$(AR) rcs $$@ $$^
$(1)/mosaic: $$(TOOL_SRC:%.c=$(1)/obj/%.o) $(1)/libmosaic.a
	$$(CC) $$(CFLAGS) $(2) -o $$@ $$^ $$(LDLIBS)
$(1)/mosaic-synth: $$(SYNTH_SRC:%.c=$(1)/obj/%.o) $(1)/libmosaic.a
	$$(CC) $$(CFLAGS) $(2) -o $$@ $$^ $$(LDLIBS)
$(1)/mosaic-mkimage: $$(MKIMAGE_SRC:%.c=$(1)/obj/%.o) $(1)/libmosaic.a
	$$(CC) $$(CFLAGS) $(2) -o $$@ $$^ $$(LDLIBS)
$(1)/bench/%: $(1)/obj/bench/%.o $(1)/libmosaic.a
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) $(2) -o $$@ $$^ $$(LDLIBS)
$(1)/tests/%: $(1)/obj/tests/unit/%.o $(1)/libmosaic.a
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) $(2) -o $$@ $$^ $$(LDLIBS) $$(TESTLIBS)
$(1)/share/mosaic/.stamp: $(DATA_SRC)
	@rm -rf $(1)/share/mosaic && mkdir -p $(1)/share/mosaic
	$(if $(DATA_DIRS),cp -R $(DATA_DIRS) $(1)/share/mosaic/)
	@touch $$@
$(1)/share/mosaic/reference.img: $(1)/share/mosaic/.stamp $(1)/mosaic-mkimage
	$(1)/mosaic-mkimage $(1)/share/mosaic
$(1)/.tests: $(1)/mosaic $(1)/mosaic-synth $(1)/share/mosaic/.stamp \
             $(1)/share/mosaic/reference.img $(UNIT_NAMES:%=$(1)/tests/%)
	@touch $$@
-include $$(wildcard $(1)/obj/*/*.d $(1)/obj/*/*/*.d)
endef

$(eval $(call variant,$(B),))
$(B)/obj/engine/extract%.o: CFLAGS += $(HOT)
$(eval $(call variant,$(A),$(SAN)))

# The README's test command: installs what is missing, builds with
# -Werror, runs every test plain and under ASan + UBSan, and the
# end-to-end tests under valgrind.  The last line of
# the output is the total.
check:
	@tools/install-deps --test
	@$(MAKE) --no-print-directory STRICT=1 $(B)/.tests $(A)/.tests headertest
	@tests/run $(B) $(A) valgrind
	@$(MAKE) --no-print-directory fuzz-check

test: $(B)/.tests
	@tests/run $(B)

headertest:
	@mkdir -p $(B)
	$(CC) -std=c89 -pedantic -Werror -Wall -Iinclude -fsyntax-only \
	    -x c include/mosaic.h
	c++ -std=c++11 -Werror -Wall -Iinclude -fsyntax-only -x c++ \
	    include/mosaic.h

lint:
	clang-format --dry-run --Werror include/*.h engine/*.[ch] tools/*.[ch] \
	    tools/synth/*.[ch]

# Fuzzing (libFuzzer, clang): every tests/fuzz/fuzz_<name>.c is a target
# (build/fuzz/fuzz_<name>, seeds in tests/fuzz/corpus/<name>/), run for
# FUZZ_SECONDS each, FUZZ_JOBS at a time; fuzz_import once per format.
F            := build/fuzz
FUZZ_CC      := clang
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_SECONDS ?= 60
FUZZ_JOBS    ?= 2
FUZZ_FORMATS ?= $(shell sed -n 's/^ *&importer_\([a-z0-9]*\),.*/\1/p' \
                  engine/import.c 2>/dev/null)
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,$(F)/%,\
                  $(sort $(wildcard tests/fuzz/fuzz_*.c)))

$(F)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CFLAGS) -O1 $(FUZZ_SAN) -fsanitize=fuzzer-no-link \
	    -MMD -MP -c $< -o $@
$(F)/libmosaic.a: $(ENGINE_SRC:%.c=$(F)/obj/%.o)
	$(AR) rcs $@ $^
$(F)/fuzz_%: $(F)/obj/tests/fuzz/fuzz_%.o $(F)/libmosaic.a
	$(FUZZ_CC) $(CFLAGS) -O1 $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^ \
	    $(LDLIBS)
-include $(wildcard $(F)/obj/*/*.d $(F)/obj/tests/fuzz/*.d)

fuzz: $(FUZZ_TARGETS) $(B)/share/mosaic/reference.img
	@FUZZ_JOBS=$(FUZZ_JOBS) tests/fuzz/run $(F) $(FUZZ_SECONDS) \
	    $(FUZZ_FORMATS)

# make check's fuzz step: skipped, saying so, where clang cannot link a
# libFuzzer target (no clang, no libclang-rt-14-dev).
fuzz-check:
	@if tests/fuzz/probe $(FUZZ_CC); then \
	    $(MAKE) --no-print-directory -s fuzz; \
	else \
	    echo "fuzz: SKIP: $(FUZZ_CC) cannot build libFuzzer targets" \
	         "(apt-get install clang libclang-rt-14-dev)"; \
	fi

deps:
	@tools/install-deps

# The README's first command: everything from a fresh machine to a report.
demo:
	@tools/install-deps
	@$(MAKE) --no-print-directory all
	@tools/demo $(B)/mosaic

bench: all
	@bench/run $(B)

$(B)/mosaic.pc: mosaic.pc.in
	@mkdir -p $(@D)
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|0.1.0|' \
	    -e 's|@PKGS@|$(PKGS)|' $< > $@

install: all $(B)/mosaic.pc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	    $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/share/mosaic
	install -m 0755 $(B)/mosaic $(DESTDIR)$(PREFIX)/bin/mosaic
	install -m 0755 $(B)/mosaic-synth $(DESTDIR)$(PREFIX)/bin/mosaic-synth
	install -m 0644 $(B)/libmosaic.a $(DESTDIR)$(PREFIX)/lib/libmosaic.a
	install -m 0644 include/mosaic.h $(DESTDIR)$(PREFIX)/include/mosaic.h
	install -m 0644 $(B)/mosaic.pc \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig/mosaic.pc
	cp -pR $(B)/share/mosaic/. $(DESTDIR)$(PREFIX)/share/mosaic/
	rm -f $(DESTDIR)$(PREFIX)/share/mosaic/.stamp

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/mosaic $(DESTDIR)$(PREFIX)/bin/mosaic-synth \
	    $(DESTDIR)$(PREFIX)/lib/libmosaic.a \
	    $(DESTDIR)$(PREFIX)/include/mosaic.h \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig/mosaic.pc
	rm -rf $(DESTDIR)$(PREFIX)/share/mosaic

clean:
	rm -rf build
