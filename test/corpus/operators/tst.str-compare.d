#pragma D option quiet
BEGIN
{
	printf("%d %d %d %d %d %d %d %d\n", "abc" == "abc", "abc" != "abd", "abc" < "abd",
	    "b" > "abc", "" < "a", "abc" <= "abc", "abd" >= "abc", "abc" == "abd");
	exit(0);
}
