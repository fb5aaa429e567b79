#pragma D option quiet=on
#pragma D option quiet=NO
#pragma D option quiet=Yes
#pragma D option flowindent=off
#pragma D option flowindent=
#pragma D option temporal
#pragma D option version=1.13

BEGIN
{
	printf("quiet by word\n");
	exit(0);
}
