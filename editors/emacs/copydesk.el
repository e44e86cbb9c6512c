;;; copydesk.el --- Fact-check news drafts with copydesk  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1") (eglot "1.9"))
;; Keywords: languages, wp, tools
;; URL: https://github.com/copydesk/copydesk

;; This file is not part of GNU Emacs.
;; SPDX-License-Identifier: MIT OR Apache-2.0

;;; Commentary:

;; copydesk checks news drafts as they are written: quotations nobody
;; is said to have said, relative dates ("on Monday") resolved against
;; the publication date, and figures with no source.  This file
;; connects Emacs to the `copydesk' language server through eglot
;; (built into Emacs 29 and newer; the `eglot' package, for example
;; Debian's `elpa-eglot', on Emacs 27 and 28).
;;
;; Loading it adds copydesk to `eglot-server-programs' for Markdown
;; (`markdown-mode', `gfm-mode') and plain text (`text-mode' and the
;; modes built on it), so `M-x eglot' in a draft starts copydesk.  To
;; start it whenever a draft is opened:
;;
;;   (add-to-list 'load-path "~/copydesk/editors/emacs")
;;   (require 'copydesk)
;;   (add-hook 'markdown-mode-hook #'eglot-ensure)
;;   (add-hook 'text-mode-hook #'eglot-ensure)
;;
;; Findings are Flymake diagnostics (`M-x flymake-show-buffer-diagnostics'
;; lists them), eldoc shows a finding's details at point, and
;; `M-x eglot-code-actions' offers the fixes.
;; `M-x copydesk-publication-date' says which publication date the
;; draft's relative dates are resolved against, and where it came from.
;;
;; Settings go in `eglot-workspace-configuration' under `:copydesk',
;; globally or per project in `.dir-locals.el', with the keys of the
;; README's settings table:
;;
;;   (setq-default eglot-workspace-configuration
;;                 '(:copydesk (:referenceDate "2026-03-04"
;;                              :rules (:unsourced-figure "information"))))
;;
;; eglot sends them when copydesk starts; after changing them,
;; `M-x eglot-signal-didChangeConfiguration' applies them at once.

;;; Code:

(require 'cl-lib)
(require 'eglot)
(require 'jsonrpc)

(defgroup copydesk nil
  "Fact-check news drafts with the copydesk language server."
  :group 'eglot
  :prefix "copydesk-")

(defcustom copydesk-program "copydesk"
  "The copydesk program: a name found on `exec-path', or a file name."
  :type 'string)

(defconst copydesk--modes
  '((markdown-mode :language-id "markdown")
    (gfm-mode :language-id "markdown")
    (text-mode :language-id "plaintext"))
  "The major modes copydesk checks, each with the language id it reads.
copydesk skips Markdown syntax (front matter, code, links) only in
documents whose language id is \"markdown\"; others are plain text.")

(defun copydesk--program ()
  "The full file name of `copydesk-program'.
If there is none, signal an error that says how to install copydesk."
  (or (executable-find (expand-file-name copydesk-program))
      (executable-find copydesk-program)
      (user-error
       "copydesk: cannot find the program `%s'; install it with \
`cargo install --path .' in the copydesk repository, or set \
`copydesk-program' to its full file name"
       copydesk-program)))

(defun copydesk--contact (_interactive)
  "The command that eglot runs to start copydesk."
  (list (copydesk--program)))

;; Added at load time, as packages for a language server do: `M-x eglot'
;; and `eglot-ensure' then find copydesk for drafts.  An entry already
;; there is replaced, so loading this file again adds no second one.
(setq eglot-server-programs
      (cons (cons copydesk--modes #'copydesk--contact)
            (cl-remove-if (lambda (entry)
                            (eq (cdr entry) #'copydesk--contact))
                          eglot-server-programs)))

(defun copydesk--server ()
  "The eglot server of the current buffer when it is copydesk, else an error."
  (let ((server (eglot-current-server)))
    (unless (and server
                 (equal (plist-get (eglot--server-info server) :name)
                        "copydesk"))
      (user-error
       "copydesk is not checking this buffer (start it with `M-x eglot')"))
    server))

(defun copydesk-publication-date ()
  "Show the publication date this draft's relative dates are resolved against.
It comes from the draft's front matter (`date:', `published:',
`publishDate:' or `pubDate:'), else from the `:referenceDate'
setting, else it is assumed to be today.  Return the server's answer."
  (interactive)
  (let* ((server (copydesk--server))
         (result (jsonrpc-request
                  server :copydesk/publicationDate
                  (list :textDocument (eglot--TextDocumentIdentifier)))))
    (if result
        (message "copydesk: publication date %s"
                 (plist-get result :description))
      (message "copydesk: this draft has not been checked yet"))
    result))

(provide 'copydesk)
;;; copydesk.el ends here
