/* json(): a value's raw text by path; a path not in the document gives an empty string. */
#pragma D option quiet
BEGIN
{
	doc = "{\"zone\": {\"name\": \"alpha\", \"ids\": [3, 14, 15]}, \"up\": true}";
	printf("[%s]\n", json(doc, "zone.name"));
	printf("[%s]\n", json(doc, "zone.ids[1]"));
	printf("[%s]\n", json(doc, "zone.ids"));
	printf("[%s]\n", json(doc, "up"));
	printf("[%s]\n", json(doc, "zone.ids.7"));
	printf("%d\n", strtoll(json(doc, "zone.ids.2")) * 2);
	exit(0);
}
