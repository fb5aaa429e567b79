#pragma D option quiet
$1:::zsd-create-start { @n = count(); }
END { printa("%@d\n", @n); }
