# JVM defaults shared by ./vigil and ./bench (sourced, not run).
# A young generation of at least 400 MB and promotion after one collection: a coordination run keeps
# most of what it reads (share tables, labels), so a small young generation copies the same live data
# collection after collection; on 1M posts this cut the collector's pauses and the peak RSS
# (docs/benchmarks.md). VIGIL_JAVA_OPTS, when set, replaces vigil_default_opts.
vigil_default_opts="-Xmx4g -XX:NewSize=400m -XX:InitialTenuringThreshold=1 -XX:MaxTenuringThreshold=1"
# Transparent huge pages for the heap where the kernel offers them (fewer page faults while the heap grows).
vigil_thp=""
if grep -qE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  vigil_thp="-XX:+UseTransparentHugePages"
fi
