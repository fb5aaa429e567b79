/*
 * callbacks-by-key.d: how many callbacks of each phase ran for each key, and on which thread.
 *
 * zsched runs a new zone's creates, zone_key_create's thread runs the creates of a key loaded
 * later, and zoneadmd's shutdown/destroy or a module unload run the rest (spec 3.5 table).
 */
#pragma D option quiet

sdt:::zsd-create-start { @[args[1], "create", execname] = count(); }
sdt:::zsd-shutdown-start { @[args[1], "shutdown", execname] = count(); }
sdt:::zsd-destroy-start { @[args[1], "destroy", execname] = count(); }

tick-3s
{
	printf("%5s %-9s %-10s %s\n", "KEY", "PHASE", "THREAD", "CALLBACKS");
	printa("%5d %-9s %-10s %@d\n", @);
	exit(0);
}
