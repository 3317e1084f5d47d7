"""Nothing of absence is on the desk's admin, by design: absence files are the employer's and the
physician's, and medical records are the physician's alone; no desk role or Django superuser flag may
reach them (tested in tests/test_medical_canary.py)."""
