#pragma D option quiet
BEGIN
{
	k = strjoin("zone", lltostr(3));
	a[k] = 11;
	printf("%s %d\n", k, a["zone3"]);
	exit(0);
}
