#!/bin/sh
# Builds libbmtoolpow.so (bmtool's native PoW search) into $1/linux-ARCH/ (ARCH as uname -m says),
# the resource NativePow loads, with the JNI headers of the JDK at $2, for this machine's architecture:
# on x86-64 with AVX-512, AVX2 and portable variants (the library picks one at run time), else
# the portable one only. No C compiler, or a failed compile: a note, exit 0, and bmtool uses its
# Java engines (CpuEngines says why).
set -u
src="$(cd "$(dirname "$0")" && pwd)"
cc="${CC:-gcc}"
if [ "$(uname -s)" != Linux ]; then
  echo "bmtool native PoW: built on Linux only; the Java engines will be used" >&2
  exit 0
fi
out="$1/linux-$(uname -m)"
jdk="${2:-${JAVA_HOME:-}}"
if [ ! -f "$jdk/include/jni.h" ]; then
  echo "bmtool native PoW: no JNI headers under '$jdk/include'; the Java engines will be used" >&2
  exit 0
fi
# up to date: nothing to do (Maven runs this on every build)
if [ -f "$out/libbmtoolpow.so" ] && [ -z "$(find "$src" -newer "$out/libbmtoolpow.so" -type f -print -quit)" ]; then
  exit 0
fi
if ! command -v "$cc" >/dev/null 2>&1; then
  echo "bmtool native PoW: no C compiler ($cc); the Java engines will be used" >&2
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
flags="-O3 -fPIC -fno-strict-aliasing -Wall -Wextra -Werror=implicit-function-declaration"
objs="$tmp/generic.o"
extra=""
ok=1
"$cc" $flags -c -o "$tmp/generic.o" "$src/sha512x.c" || ok=0
case "$(uname -m)" in
  x86_64|amd64)
    "$cc" $flags -mavx2 -DBM_AVX2 -c -o "$tmp/avx2.o" "$src/sha512x.c" || ok=0
    "$cc" $flags -mavx512f -DBM_AVX512 -c -o "$tmp/avx512.o" "$src/sha512x.c" || ok=0
    objs="$objs $tmp/avx2.o $tmp/avx512.o"
    extra="-DBM_HAVE_X86"
    ;;
esac
[ "$ok" = 1 ] && "$cc" $flags $extra -I"$jdk/include" -I"$jdk/include/linux" -shared -o "$tmp/libbmtoolpow.so" \
  "$src/pow.c" "$src/pow_jni.c" $objs || ok=0
if [ "$ok" != 1 ]; then
  echo "bmtool native PoW: the C build failed; the Java engines will be used" >&2
  exit 0
fi
mkdir -p "$out"
mv -f "$tmp/libbmtoolpow.so" "$out/libbmtoolpow.so"
