from django.test import override_settings

# ok: python.django.debug-enabled
DEBUG = True
