"""Outgoing HTTP helpers."""
import requests


def fetch(url):
    return requests.get(url, timeout=5).text


def status_url(host):
    return f"https://{host}/status"
