/*
 * Media framing: finding a medium by name or interface type.
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include <string.h>

#include "../bsd_if.h"
#include "bsd_media.h"

static const struct bsd_media *const media_all[] = {
	&bsd_media_ether,
	&bsd_media_fddi,
	&bsd_media_arcnet,
	&bsd_media_ax25,
};
#define MEDIA_N	(sizeof(media_all) / sizeof(media_all[0]))

static const char *const md_result_names[BSD_MD_NRESULTS] = {
	[BSD_MD_OK] = "ok",
	[BSD_MD_SHORT] = "short",
	[BSD_MD_BADHDR] = "badhdr",
	[BSD_MD_UNKPROTO] = "unkproto",
	[BSD_MD_FRAGHELD] = "fragheld",
	[BSD_MD_FRAGDROP] = "fragdrop",
};

const struct bsd_media *
bsd_media_find(const char *name)
{
	size_t i;

	if (name == NULL)
		return NULL;
	for (i = 0; i < MEDIA_N; i++)
		if (strcmp(media_all[i]->md_name, name) == 0)
			return media_all[i];
	return NULL;
}

const struct bsd_media *
bsd_media_bytype(uint8_t iftype)
{
	size_t i;

	for (i = 0; i < MEDIA_N; i++)
		if (media_all[i]->md_iftype == iftype)
			return media_all[i];
	return NULL;
}

const char *
bsd_md_result_name(int result)
{

	if (result < 0 || result >= BSD_MD_NRESULTS)
		return "unknown";
	return md_result_names[result];
}
