### batch and mail merge.
