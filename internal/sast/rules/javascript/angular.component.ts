import { Component, Input, SecurityContext } from '@angular/core';
import { DomSanitizer, SafeHtml, SafeResourceUrl } from '@angular/platform-browser';

@Component({ selector: 'app-widget', template: '<div [innerHTML]="body"></div>' })
export class WidgetComponent {
  @Input() html = '';
  @Input() videoId = '';
  body: SafeHtml | null = null;
  frame: SafeResourceUrl | null = null;

  constructor(private readonly sanitizer: DomSanitizer) {}

  render(): void {
    // ruleid: javascript.angular.bypass-security-trust
    this.body = this.sanitizer.bypassSecurityTrustHtml(this.html);
    // ruleid: javascript.angular.bypass-security-trust
    this.frame = this.sanitizer.bypassSecurityTrustResourceUrl('https://player.example.com/' + this.videoId);
    // ok: javascript.angular.bypass-security-trust
    this.frame = this.sanitizer.bypassSecurityTrustResourceUrl('https://player.example.com/embed');
    // ok: javascript.angular.bypass-security-trust
    this.body = this.sanitizer.sanitize(SecurityContext.HTML, this.html);
  }

  preview(el: HTMLElement, text: string): void {
    // ruleid: javascript.dom.inner-html
    el.innerHTML = `<span>${text}</span>`;
    // ok: javascript.dom.inner-html
    el.textContent = text;
  }
}
