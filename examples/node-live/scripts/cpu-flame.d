#!/usr/sbin/dtrace -s
/*
 * Where does the CPU go? The JavaScript stack sampled 997 times a second while the service is
 * on CPU (V8's sampling profiler). With --format folded the result feeds flamegraph.pl:
 *   zsdtrace -s cpu-flame.d -p PID --format folded > out.folded
 */

#pragma D option quiet

profile-997
/pid == $target/
{
	@[jstack()] = count();
}
