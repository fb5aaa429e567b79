#!/usr/sbin/dtrace -s
/*
 * How long does the service pause for garbage collection, and which kind? GC pauses in
 * microseconds by V8's GC type (args[0] of gc-start and gc-done: 1 scavenge, 2 mark-sweep-compact,
 * 4 incremental marking, 8 weak callbacks), and the total per second.
 */

#pragma D option quiet

node*:::gc-start
{
	gc_started = timestamp;
}

node*:::gc-done
/gc_started/
{
	this->us = (timestamp - gc_started) / 1000;
	@pause[args[0] == 1 ? "scavenge" : args[0] == 2 ? "mark-sweep-compact" :
	    args[0] == 4 ? "incremental marking" : "weak callbacks"] = quantize(this->us);
	@total = sum(this->us);
	gc_started = 0;
}

tick-1s
{
	printa("GC pause in the last second: %@d us\n", @total);
	clear(@total);
}

END
{
	printa(@pause);
}
