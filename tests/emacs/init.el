;;; init.el --- copydesk in Emacs with eglot  -*- lexical-binding: t; -*-
;; ~/.emacs.d/init.el: copydesk in Emacs 28 with the eglot package, or Emacs 29 and newer.
;; It expects the copydesk repository in ~/copydesk (change the path if you cloned it elsewhere)
;; and the copydesk program on your PATH (`cargo install --path .' in the repository).
(add-to-list 'load-path (expand-file-name "~/copydesk/editors/emacs"))
(require 'copydesk)
(add-hook 'markdown-mode-hook #'eglot-ensure)
(add-hook 'text-mode-hook #'eglot-ensure)
;; copydesk's settings (optional), with the keys of the README's settings table:
(setq-default eglot-workspace-configuration
              '(:copydesk (:rules (:unsourced-figure "information"))))
