#pragma D option quiet
tick-10ms { @ticks = count(); }
tick-95ms { exit(0); }
