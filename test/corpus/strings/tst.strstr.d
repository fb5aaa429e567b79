#pragma D option quiet
BEGIN
{
	printf("[%s] [%s] [%s]\n", strstr("hello world", "o w"), strstr("abcabc", "ca"),
	    strstr("abc", "abc"));
	exit(0);
}
