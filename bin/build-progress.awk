# Condenses Maven's batch output (bin/lower's first build) to progress lines on stderr: the module being built
# and how many files Maven has downloaded, on one line rewritten in place on a terminal (tty=1), otherwise a line
# per module and per 100 downloads. Errors pass through.
function show(text) {
  if (tty) { printf "\r\033[K%s", text > "/dev/stderr" } else { print text > "/dev/stderr" }
  fflush("/dev/stderr")
}
/^\[INFO\] Building .*\[[0-9]+\/[0-9]+\]$/ {
  step = $NF; sub(/^\[INFO\] Building /, ""); sub(/ +[0-9.]+(-SNAPSHOT)? +\[[0-9]+\/[0-9]+\]$/, "")
  module = $0
  show("lower: building " step " " module (downloads ? " (" downloads " files downloaded)" : ""))
  next
}
/Downloaded from / {
  downloads++
  if (tty) { show("lower: downloading Maven's plugins and Kiln's dependencies (first use): " downloads " files") }
  else if (downloads % 100 == 0) { show("lower: " downloads " files downloaded") }
  next
}
/^\[ERROR\]/ { if (tty) { printf "\n" > "/dev/stderr" }; print > "/dev/stderr"; next }
END { if (tty) { printf "\r\033[K" > "/dev/stderr" } }
